"""Admin registration: identity providers with their mapping rules, and the audit actions."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.roles import Role

from .models import GRANTABLE_ROLES, IdentityProvider


class IdentityProviderForm(WagtailAdminModelForm):
    allowed_roles = forms.MultipleChoiceField(
        label=_("Roles it may give"),
        choices=[(role, Role(role).label) for role in GRANTABLE_ROLES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("A rule or an assertion asking for any other role is refused."),
    )


class IdentityProviderViewSet(SnippetViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = _("Identity providers")
    menu_name = "identity_providers"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["organisation", "slug", "issuer", "enforces_mfa", "is_active"]
    search_fields = ["organisation", "slug", "domains"]
    base_form_class = IdentityProviderForm
    panels = [
        FieldPanel("organisation"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("issuer"), FieldPanel("client_id"), FieldPanel("client_secret")],
            heading=_("OpenID Connect"),
        ),
        FieldPanel("domains"),
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("schools"), FieldPanel("allowed_roles")],
            heading=_("Where it may give roles"),
        ),
        FieldPanel("enforces_mfa"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name_claim"), FieldPanel("name_alt_claim")]),
                FieldRowPanel([FieldPanel("language_claim"), FieldPanel("school_claim")]),
            ],
            heading=_("Claims"),
        ),
        InlinePanel("rules", heading=_("Mapping rules"), label=_("Rule")),
        FieldPanel("is_active"),
    ]


register_snippet(IdentityProviderViewSet)


@hooks.register("register_log_actions")
def register_federation_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        "federation.sign_in.refused",
        _("Refuse organisation sign-in"),
        _("Organisation sign-in refused"),
    )
