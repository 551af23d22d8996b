"""Admin registration: LTI platforms, the addresses their administrators need, and the
audit actions."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Platform


class ToolAddressesPanel(Panel):
    """What the platform's administrator enters on their side: our addresses."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context: Any = None) -> str:
            build = self.request.build_absolute_uri
            rows = [
                (_("Public key set (JWKS) URL"), build(reverse("lti_jwks"))),
                (_("OIDC login initiation URL"), build(reverse("lti_login"))),
                (_("Launch (redirect) URL"), build(reverse("lti_launch"))),
                (_("Deep-linking URL"), build(reverse("lti_deep_link"))),
            ]
            items = format_html_join(
                "", "<dt>{}</dt><dd><code>{}</code></dd>", ((str(k), v) for k, v in rows)
            )
            hint = _(
                "Register these on the platform, with both launch addresses as redirect URLs, "
                "and set the tool to open in a new window."
            )
            return format_html("<p>{}</p><dl>{}</dl>", hint, items)


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "link"
    menu_label = _("LTI platforms")
    menu_name = "lti_platforms"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "issuer", "client_id", "is_active"]
    search_fields = ["name", "issuer", "client_id"]
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldPanel("client_id"),
                FieldPanel("auth_login_url"),
                FieldPanel("auth_token_url"),
                FieldPanel("key_set_url"),
                FieldPanel("deployment_ids"),
            ],
            heading=_("From the platform"),
        ),
        ToolAddressesPanel(heading=_("For the platform")),
        FieldPanel("is_active"),
    ]


register_snippet(PlatformViewSet)


@hooks.register("register_log_actions")
def register_lti_actions(actions: LogActionRegistry) -> None:
    actions.register_action("lti.launch.refused", _("Refuse LTI launch"), _("LTI launch refused"))
    actions.register_action(
        "lti.account.create",
        _("Create account from LTI launch"),
        _("Account created by an LTI launch"),
    )
    actions.register_action(
        "lti.account.link",
        _("Link account to LTI platform"),
        _("Account linked to an LTI platform"),
    )
    actions.register_action("lti.score.send", _("Send LTI score"), _("Score sent to a platform"))
    actions.register_action("lti.key.create", _("Create LTI tool key"), _("LTI tool key created"))
