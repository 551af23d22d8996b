"""What a certificate says and in which languages: the time zone its dates are in, the
languages a template is written in, and the placeholders its body may use. Plain values and
text helpers, shared by the models, the PDF and the services; imports no model."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ALMATY = ZoneInfo("Asia/Almaty")
TEXT_LANGUAGES = ("kk", "ru", "en")


def today_in_almaty() -> date:
    return timezone.localtime(timezone.now(), ALMATY).date()


class CertificateLanguage(models.TextChoices):
    LEARNER = "learner", _("The learner's preferred language")
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")
    KK_RU = "kk+ru", _("Bilingual: Kazakh and Russian")


# The languages whose texts a template needs, by its language setting.
TEMPLATE_TEXT_LANGUAGES: dict[str, tuple[str, ...]] = {
    CertificateLanguage.LEARNER: TEXT_LANGUAGES,
    CertificateLanguage.KK: ("kk",),
    CertificateLanguage.RU: ("ru",),
    CertificateLanguage.EN: ("en",),
    CertificateLanguage.KK_RU: ("kk", "ru"),
}

# What the body of a template may say in braces, and what each stands for.
PLACEHOLDERS: dict[str, Any] = {
    "name": _("the person's full name"),
    "name_alt": _("the second spelling of the name"),
    "course": _("the course title"),
    "hours": _("the academic hours, with their unit"),
    "completion_date": _("the date the course was completed"),
    "provider": _("the organisation that delivered the course"),
}
_BRACES = re.compile(r"\{([^{}]*)\}")
BODY_HELP = _(
    "What the certificate says under the name. A blank line starts a new paragraph. "
    "Placeholders: {name}, {name_alt}, {course}, {hours}, {completion_date}, {provider}."
)


def placeholder_list() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def check_placeholders(text: str) -> list[str]:
    """The placeholders in ``text`` that are not known, as written (``{foo}``); a stray
    brace counts as one."""
    unknown = [f"{{{name}}}" for name in _BRACES.findall(text) if name.strip() not in PLACEHOLDERS]
    rest = _BRACES.sub("", text)
    if "{" in rest or "}" in rest:
        unknown.append("{" if "{" in rest else "}")
    return unknown


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    return _BRACES.sub(lambda match: values.get(match.group(1).strip(), match.group(0)), text)


# --- Templates ------------------------------------------------------------------------------
