from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        from certificates.renewal_rules import register_requirement_finder

        from . import receivers  # noqa: F401  (connect receivers)
        from .renewal_requirements import RequirementFinder

        register_requirement_finder(RequirementFinder())
