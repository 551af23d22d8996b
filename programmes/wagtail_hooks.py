"""Admin registration: programmes (with what counts as trained) and their targets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Programme, Target
from .selectors import course_provider


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "tasks"
    menu_label = _("Programmes")
    list_display = ["name", "code", "starts_on", "ends_on"]
    search_fields = ["name_kk", "name_ru", "name_en", "code"]


class TargetViewSet(SnippetViewSet):
    model = Target
    icon = "pick"
    menu_label = _("Targets")
    list_display = ["__str__", "programme", "number", "deadline"]
    list_filter = ["programme", "role"]


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    items = (ProgrammeViewSet, TargetViewSet)
    menu_icon = "tasks"
    menu_label = _("Programmes")
    menu_name = "programmes"
    menu_order = 250


register_snippet(ProgrammeViewSetGroup)


@hooks.register("register_log_actions")
def register_programme_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        "programmes.import.upload", _("Upload staff list"), _("Staff list uploaded for checking")
    )
    actions.register_action(
        "programmes.import.check", _("Check staff list"), _("Staff list checked")
    )
    actions.register_action(
        "programmes.import.commit", _("Import staff list"), _("Staff list imported")
    )
    actions.register_action(
        "programmes.report.subscribe", _("Schedule report"), _("Scheduled report added")
    )
    actions.register_action(
        "programmes.report.stop", _("Stop scheduled report"), _("Scheduled report stopped")
    )
    actions.register_action(
        "programmes.report.unsubscribe",
        _("Unsubscribe from report"),
        _("Recipient unsubscribed from the scheduled report"),
    )
    actions.register_action(
        "programmes.report.send", _("Send scheduled report"), _("Scheduled report sent")
    )


@hooks.register("courses_default_provider")
def provider_of_the_running_programme(language: str) -> str:
    """A new course in the admin starts with the programme's course provider."""
    return course_provider(language)
