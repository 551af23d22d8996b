"""Certificate templates in the Wagtail admin (drafts, revisions, preview, publishing),
and the audit actions of certificates."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.tasks import send_task_after_commit

from .models import CertificateTemplate, RenewalRule


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    menu_name = "certificate-templates"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "language", "is_default", "validity_years", "updated_at"]
    list_filter = ["language", "is_default"]
    search_fields = ["name"]


register_snippet(CertificateTemplateViewSet)


class RenewalRuleViewSet(SnippetViewSet):
    model = RenewalRule
    icon = "rotate"
    menu_label = _("Renewal rules")
    menu_name = "renewal-rules"
    menu_order = 311
    add_to_admin_menu = True
    list_display = [
        "applies_to",
        "validity_years",
        "window_months",
        "grace_months",
        "path",
        "problems_text",
    ]
    list_filter = ["path"]


register_snippet(RenewalRuleViewSet)


def _rule_saved(request: Any, instance: Any) -> None:
    # A new or changed rule may open windows at once; beat catches a lost task.
    if isinstance(instance, RenewalRule):
        send_task_after_commit("certificates.renewals_open")


hooks.register("after_create_snippet", _rule_saved)
hooks.register("after_edit_snippet", _rule_saved)


@hooks.register("register_log_actions")
def register_certificate_actions(actions: LogActionRegistry) -> None:
    actions.register_action("certificates.issue", _("Issue certificate"), _("Certificate issued"))
    actions.register_action(
        "certificates.revoke", _("Revoke certificate"), _("Certificate revoked")
    )
    actions.register_action(
        "certificates.reissue", _("Reissue certificate"), _("Certificate reissued")
    )
    actions.register_action(
        "certificates.renewal.open", _("Open renewal"), _("Renewal opened and path enrolled")
    )
    actions.register_action(
        "certificates.renewal.renew", _("Renew certificate"), _("Certificate renewed")
    )
    actions.register_action(
        "certificates.renewal.cancel", _("Cancel renewal"), _("Renewal cancelled")
    )
    actions.register_action(
        "certificates.job.start", _("Start certificate job"), _("Certificate job started")
    )
    actions.register_action(
        "certificates.sign",
        _("Sign certificate"),
        _("Certificate given its credential and signature"),
    )
