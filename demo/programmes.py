"""The programme of the demo: the support rooms programme of the sources, with a target of 336
trained staff by 31 December (partly met), a sub-target per region, one for the tutors of
Turkestan region, and milestones. Idempotent."""

from __future__ import annotations

from datetime import date

from django.core.management.base import OutputWrapper
from django.db import transaction

from courses.models import CoursePage
from people.models import Region, TrainingArea
from programmes import services
from programmes.models import (
    Milestone,
    Programme,
    RequiredCourse,
    Target,
    TrainedRule,
    TrainedStatus,
)

from .loader import load
from .people import PARTICIPATING, PeopleSeedResult


@transaction.atomic
def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    data = load("programme")
    start = people.programme_start
    programme, created = Programme.objects.get_or_create(
        code=data["code"],
        defaults={
            "name_kk": data["name"]["kk"],
            "name_ru": data["name"]["ru"],
            "name_en": data["name"]["en"],
            "starts_on": start,
            "ends_on": date(start.year + 1, 5, 31),
            "funders_kk": data["funders"]["kk"],
            "funders_ru": data["funders"]["ru"],
            "funders_en": data["funders"]["en"],
        },
    )
    if created:
        programme.regions.set(Region.objects.filter(code__in=PARTICIPATING))
        programme.save()
        for role in data["trained_roles"]:
            TrainedRule.objects.create(programme=programme, role=role)
        areas = {area.code: area for area in TrainingArea.objects.all()}
        for required in data["required_courses"]:
            course = CoursePage.objects.filter(slug=required["course"]).order_by("pk").first()
            if course is not None:
                area = required.get("training_area")
                RequiredCourse.objects.create(
                    programme=programme,
                    role=required["role"],
                    training_area=areas.get(area) if area else None,
                    course=course,
                )
    deadline = date(start.year, 12, 31)
    main, made = Target.objects.get_or_create(
        programme=programme,
        region=None,
        school=None,
        role="",
        defaults={"label": "", "number": 336, "deadline": deadline},
    )
    if made:
        Milestone.objects.create(
            target=main, date=date(start.year, 10, 1), number=100, sort_order=0
        )
        Milestone.objects.create(
            target=main, date=date(start.year, 11, 15), number=220, sort_order=1
        )
    for region in Region.objects.filter(code__in=PARTICIPATING):
        Target.objects.get_or_create(
            programme=programme,
            region=region,
            school=None,
            role="",
            defaults={"number": 42, "deadline": deadline},
        )
    Target.objects.get_or_create(
        programme=programme,
        region=Region.objects.get(code="turkestan"),
        school=None,
        role="tutor",
        defaults={"number": 10, "deadline": deadline},
    )
    services.statuses_refresh(programme=programme)
    trained = (
        TrainedStatus.objects.filter(programme=programme, stage=TrainedStatus.Stage.CERTIFIED)
        .values("person")
        .distinct()
        .count()
    )
    out.write(f"Programme: {programme.name_en}, {trained} of 336 trained so far.")
