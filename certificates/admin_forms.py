"""The admin form of certificate templates."""

from __future__ import annotations

from typing import Any

from django.db.models import Min
from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import CoursePage


class CertificateTemplateForm(WagtailAdminModelForm):
    """The admin form: each course is offered once, as first written (its translations
    share the template)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "courses" in self.fields:
            first = (
                CoursePage.objects.values("translation_key")
                .annotate(first=Min("pk"))
                .values("first")
            )
            self.fields["courses"].queryset = CoursePage.objects.filter(pk__in=first).order_by(
                "title"
            )
