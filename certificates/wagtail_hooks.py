"""Certificate templates in the Wagtail admin (drafts, revisions, preview, publishing),
and the audit actions of certificates."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CertificateTemplate


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
        "certificates.job.start", _("Start certificate job"), _("Certificate job started")
    )
    actions.register_action(
        "certificates.sign",
        _("Sign certificate"),
        _("Certificate given its credential and signature"),
    )
