"""Factories and helpers for supervision tests: rubrics, years, visits, observations."""

from __future__ import annotations

import io
import uuid
from datetime import date, timedelta
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from people.models import School, User
from supervision import services
from supervision.models import (
    ActionPoint,
    Frequency,
    Observation,
    Rubric,
    RubricVersion,
    SessionType,
    SupervisionYear,
    Visit,
)


def _t(text: str) -> dict[str, str]:
    return {"kk": f"{text} (kk)", "ru": f"{text} (ru)", "en": text}


def rubric_data(
    *, levels: int = 4, domains: tuple[tuple[str, tuple[str, ...]], ...] | None = None
) -> dict[str, Any]:
    """Raw StreamField data for a rubric: ``levels`` scale points, domains of indicators."""
    domains = domains or (
        ("Environment", ("Room is accessible", "Every pupil takes part")),
        ("Teaching", ("Tasks are adapted",)),
    )
    return {
        "scale": [
            {
                "type": "level",
                "id": f"level-{n}",
                "value": {"label": _t(f"Level {n}"), "descriptor": _t(f"What level {n} means")},
            }
            for n in range(1, levels + 1)
        ],
        "domains": [
            {
                "type": "domain",
                "id": f"domain-{d}",
                "value": {
                    "name": _t(name),
                    "indicators": [
                        {
                            "type": "item",
                            "id": f"indicator-{d}-{i}",
                            "value": {"text": _t(text), "descriptors": []},
                        }
                        for i, text in enumerate(indicators)
                    ],
                },
            }
            for d, (name, indicators) in enumerate(domains)
        ],
    }


class RubricFactory(factory.django.DjangoModelFactory[Rubric]):
    class Meta:
        model = Rubric
        django_get_or_create = ("session_type",)

    session_type = SessionType.INCLUSIVE_LESSON
    name_kk = "Сабақ"
    name_ru = "Урок"
    name_en = "Lesson"
    scale = factory.LazyFunction(lambda: rubric_data()["scale"])
    domains = factory.LazyFunction(lambda: rubric_data()["domains"])


def published(rubric: Rubric) -> RubricVersion:
    return services.rubric_publish(actor=None, rubric=rubric)


def make_year(
    school: School,
    supervisors: list[User],
    *,
    starts_on: date | None = None,
    with_visits: bool = False,
) -> SupervisionYear:
    starts_on = starts_on or date(2026, 9, 1)
    year = SupervisionYear.objects.create(
        school=school,
        starts_on=starts_on,
        ends_on=date(starts_on.year + 1, 5, 31),
        frequency=Frequency.MONTHLY,
    )
    year.supervisors.set(supervisors)
    return year


def make_visit(
    year: SupervisionYear, planned_on: date | None = None, *, state: str = Visit.State.PLANNED
) -> Visit:
    supervisor = year.supervisors.first()
    fields: dict[str, Any] = {}
    if state in (Visit.State.ACKNOWLEDGED, Visit.State.CLOSED):
        leader = User.objects.filter(
            memberships__role="school_leader", memberships__school=year.school
        ).first()
        fields = {
            "signed_off_by": leader or supervisor,
            "signed_off_name": "Leader",
            "signed_off_at": "2026-10-02T10:00:00+05:00",
        }
    return Visit.objects.create(
        year=year,
        school=year.school,
        planned_on=planned_on or year.starts_on + timedelta(days=20),
        supervisor=supervisor,
        state=state,
        **fields,
    )


def scores_for(version: RubricVersion, value: int = 3) -> dict[str, int | None]:
    return dict.fromkeys(version.indicator_keys(), value)


def observe(
    visit: Visit,
    actor: User,
    person: User,
    role: str,
    rubric: Rubric,
    *,
    score: int = 3,
    complete: bool = True,
    client_id: uuid.UUID | None = None,
) -> Observation:
    version = rubric.versions.order_by("-number").first() or published(rubric)
    return services.observation_save(
        actor=actor,
        visit=visit,
        client_id=client_id or uuid.uuid4(),
        observed_person=person,
        observed_role=role,
        rubric=rubric,
        scores=scores_for(version, score),
        evidence="The pupil used the visual timetable.",
        complete=complete,
    )


def add_point(visit: Visit, actor: User, owner: User, *, days: int = 21) -> ActionPoint:
    return services.action_point_save(
        actor=actor,
        visit=visit,
        client_id=uuid.uuid4(),
        description="Put up a visual timetable",
        owner=owner,
        due_on=visit.planned_on + timedelta(days=days),
    )


def jpeg_with_location(
    name: str = "photo.jpg", size: tuple[int, int] = (64, 48)
) -> SimpleUploadedFile:
    """A JPEG photo whose EXIF holds a GPS position (tag 0x8825) and a camera model."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x0110] = "Test Camera"
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 53.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def png_file(name: str = "board.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def pdf_file(name: str = "plan.pdf") -> SimpleUploadedFile:
    """A one-page PDF that says "Lesson plan"."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0].obj
    page.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 720 Td (Lesson plan) Tj ET")
    page.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(
            F1=pikepdf.Dictionary(
                Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
            )
        )
    )
    body = io.BytesIO()
    pdf.save(body)
    return SimpleUploadedFile(name, body.getvalue(), content_type="application/pdf")
