"""Admin registration: identity providers with their mapping rules, and the audit actions."""

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.roles import Role

from . import saml
from .models import GRANTABLE_ROLES, IdentityProvider, Protocol

METADATA_FILE_LIMIT = 1024 * 1024


class IdentityProviderForm(WagtailAdminModelForm):
    allowed_roles = forms.MultipleChoiceField(
        label=_("Roles it may give"),
        choices=[(role, Role(role).label) for role in GRANTABLE_ROLES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("A rule or an assertion asking for any other role is refused."),
    )
    saml_metadata_file = forms.FileField(
        label=_("metadata file"),
        required=False,
        help_text=_(
            "SAML: the identity provider's metadata as an XML file, instead of pasting it."
        ),
    )

    def clean_saml_metadata_file(self) -> None:
        """An uploaded metadata file becomes the pasted metadata; it is checked with it."""
        upload = self.cleaned_data.get("saml_metadata_file")
        if upload is None:
            return None
        if upload.size > METADATA_FILE_LIMIT:
            raise forms.ValidationError(_("The metadata file is larger than 1 MB."))
        try:
            xml = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The metadata file is not UTF-8 text.")) from error
        self.cleaned_data["saml_metadata_xml"] = xml
        return None


class FormFieldPanel(FieldPanel):
    """A field of the form only (an upload read into a model field), not of the model."""

    def get_form_options(self) -> dict[str, Any]:
        return {}


class ProtocolPanel(MultiFieldPanel):
    """Fields of one protocol: shown for a new provider and for a provider of that protocol."""

    def __init__(self, *args: Any, protocol: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.protocol = protocol

    def clone_kwargs(self) -> dict[str, Any]:
        return {**super().clone_kwargs(), "protocol": self.protocol}

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self) -> bool:
            instance = self.instance
            of_protocol = instance.pk is None or instance.protocol == self.panel.protocol
            return of_protocol and super().is_shown()


class ServiceProviderPanel(HelpPanel):
    """What the IdP's administrator registers for us, for a saved SAML provider."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            if self.instance.pk is None or not self.instance.is_saml:
                return
            details = saml.sp_details(self.request, self.instance.slug)
            self.content = format_html(
                "<p>{}</p><dl><dt>{}</dt><dd><code>{}</code></dd><dt>{}</dt><dd>{}</dd>"
                "<dt>{}</dt><dd><code>{}</code></dd></dl>",
                gettext("Give these to the identity provider's administrator."),
                gettext("Our entity ID (the audience)"),
                details["entity_id"],
                gettext("Assertion consumer service (HTTP-POST), one per language"),
                format_html_join(
                    "", "<code>{}</code><br>", ((url,) for url in details["acs_urls"])
                ),
                gettext("Our metadata"),
                details["metadata_url"],
            )

        def is_shown(self) -> bool:
            return self.instance.pk is not None and self.instance.is_saml


class IdentityProviderViewSet(SnippetViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = _("Identity providers")
    menu_name = "identity_providers"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["organisation", "slug", "protocol", "enforces_mfa", "is_active"]
    search_fields = ["organisation", "slug", "domains"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("slug"),
            FieldPanel("protocol"),
            ProtocolPanel(
                [FieldPanel("issuer"), FieldPanel("client_id"), FieldPanel("client_secret")],
                heading=_("OpenID Connect"),
                protocol=Protocol.OIDC,
            ),
            ProtocolPanel(
                [
                    FieldPanel("saml_metadata_url"),
                    FormFieldPanel("saml_metadata_file"),
                    FieldPanel("saml_metadata_xml"),
                    FieldPanel("saml_entity_id"),
                    ServiceProviderPanel(heading=_("Our service provider")),
                ],
                heading=_("SAML 2.0"),
                protocol=Protocol.SAML,
            ),
            FieldPanel("domains"),
            MultiFieldPanel(
                [FieldPanel("region"), FieldPanel("schools"), FieldPanel("allowed_roles")],
                heading=_("Where it may give roles"),
            ),
            FieldPanel("enforces_mfa"),
            MultiFieldPanel(
                [
                    FieldPanel("email_claim"),
                    FieldRowPanel([FieldPanel("name_claim"), FieldPanel("name_alt_claim")]),
                    FieldRowPanel([FieldPanel("language_claim"), FieldPanel("school_claim")]),
                ],
                heading=_("Claims (SAML: attribute names)"),
            ),
            InlinePanel("rules", heading=_("Mapping rules"), label=_("Rule")),
            FieldPanel("is_active"),
        ],
        base_form_class=IdentityProviderForm,
    )


register_snippet(IdentityProviderViewSet)


@hooks.register("register_log_actions")
def register_federation_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        "federation.sign_in.refused",
        _("Refuse organisation sign-in"),
        _("Organisation sign-in refused"),
    )
