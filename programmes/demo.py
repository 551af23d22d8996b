"""The demo programme: the support rooms programme of the sources, with a target of 336
trained staff by 31 December (partly met), a sub-target per region, one for the tutors of
Turkestan region, and milestones. Idempotent."""

from __future__ import annotations

from datetime import date

from django.core.management.base import OutputWrapper
from django.db import transaction

from courses.models import CoursePage
from people.demo import SCHOOLS, PeopleSeedResult
from people.models import Region, TrainingArea

from . import services
from .models import Milestone, Programme, RequiredCourse, Target, TrainedRule, TrainedStatus

# (course slug, role, tutor training area)
REQUIRED = [
    ("tutor-autism", "tutor", "autism"),
    ("tutor-intellectual", "tutor", "intellectual"),
    ("tutor-motor", "tutor", "motor"),
    ("tutor-sensory", "tutor", "sensory"),
    ("teacher-lesson", "teacher", None),
    ("specialist-iep", "specialist", None),
    ("methodologist-support", "methodologist", None),
    ("leader-inclusive-school", "school_leader", None),
]


@transaction.atomic
def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    start = people.programme_start
    programme, created = Programme.objects.get_or_create(
        code="iesr",
        defaults={
            "name_kk": "Инклюзивті білім беруді қолдау кабинеттері",
            "name_ru": "Кабинеты поддержки инклюзивного образования",
            "name_en": "Inclusive Education Support Rooms",
            "starts_on": start,
            "ends_on": date(start.year + 1, 5, 31),
            "funders": "Qamqorlyq foundation programme; national welfare fund; akimats",
        },
    )
    if created:
        programme.regions.set(Region.objects.filter(code__in=list(SCHOOLS)))
        programme.save()
        for role in ("tutor", "teacher", "specialist", "methodologist", "school_leader"):
            TrainedRule.objects.create(programme=programme, role=role)
        areas = {area.code: area for area in TrainingArea.objects.all()}
        for slug, role, area in REQUIRED:
            course = CoursePage.objects.filter(slug=slug).order_by("pk").first()
            if course is not None:
                RequiredCourse.objects.create(
                    programme=programme,
                    role=role,
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
    for region in Region.objects.filter(code__in=list(SCHOOLS)):
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
