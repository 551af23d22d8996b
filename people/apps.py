from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("People and schools")
    default_auto_field = "django.db.models.BigAutoField"


class PeopleUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know the product's person fields."""

    user_viewset = "people.admin_views.UserViewSet"
