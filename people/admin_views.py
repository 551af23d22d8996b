"""Wagtail admin views for people: the user forms adapted to the product's person model.

People are normally added through the product's own pages (with a role and an invitation);
administrators use the admin for accounts and groups.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PERSON_FIELDS = {
    "email",
    "full_name",
    "full_name_alt",
    "preferred_language",
    "is_superuser",
    "groups",
}


class PersonCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=200)

    class Meta(UserCreationForm.Meta):
        fields = PERSON_FIELDS


class PersonEditForm(UserEditForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=200)

    class Meta(UserEditForm.Meta):
        fields = PERSON_FIELDS | {"is_active"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False) -> type[forms.ModelForm]:
        return PersonEditForm if for_update else PersonCreationForm
