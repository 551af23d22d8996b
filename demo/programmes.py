"""The programme of the demo: the support rooms programme of the sources, with a target of 336
trained staff by 31 December (partly met), a sub-target per region that fits its staff, a
target for the schools furthest ahead and furthest behind in each region, one for the tutors
of Turkestan region, and milestones. Idempotent."""

from __future__ import annotations

from datetime import date

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from courses.models import CoursePage
from people.models import Region, TrainingArea
from programmes import services
from programmes.models import (
    Milestone,
    Programme,
    ProgrammePerson,
    RequiredCourse,
    Target,
    TrainedRule,
    TrainedStatus,
)

from .loader import load
from .people import PARTICIPATING, PeopleSeedResult

# Each participating region is to train this share of its staff by the deadline.
REGION_SHARE = 0.8
# Schools with a target of their own, per region: the most and the least advanced.
SCHOOL_TARGETS_PER_REGION = 2


def _place_targets(programme: Programme, deadline: date) -> None:
    """Targets that make the dashboard read like a real one: each region's fits its staff
    (80% of them), and in each region the school furthest ahead and the one furthest
    behind have targets of their own: the one behind, all its staff; the one ahead, a
    number it is on track for or has met, so that some cards are on track and some behind."""
    people = ProgrammePerson.objects.filter(programme=programme)
    trained = Count("pk", filter=Q(stage=TrainedStatus.Stage.CERTIFIED))
    for region in Region.objects.filter(code__in=PARTICIPATING):
        staff = people.filter(region=region).count()
        Target.objects.get_or_create(
            programme=programme,
            region=region,
            school=None,
            role="",
            defaults={"number": max(1, round(staff * REGION_SHARE)), "deadline": deadline},
        )
        schools = sorted(
            people.filter(region=region, school__isnull=False)
            .values("school")
            .annotate(staff=Count("pk"), trained=trained)
            .order_by("school"),
            key=lambda row: (row["trained"] / row["staff"], row["school"]),
        )
        if len(schools) < SCHOOL_TARGETS_PER_REGION:
            continue
        ahead, behind = schools[-1], schools[0]
        for row, number in (
            (ahead, _on_track_number(programme, deadline, ahead["trained"], ahead["staff"])),
            (behind, behind["staff"]),
        ):
            Target.objects.get_or_create(
                programme=programme,
                region=None,
                school_id=row["school"],
                role="",
                defaults={"number": number, "deadline": deadline},
            )


def _on_track_number(programme: Programme, deadline: date, trained: int, staff: int) -> int:
    """The largest target, at most the school's staff, that ``trained`` people meet or are
    on track for today (at least as many as the straight line expects by now)."""
    today = timezone.localdate()
    for number in range(staff, trained, -1):
        probe = Target(programme=programme, number=number, deadline=deadline)
        if probe.expected_by(today, programme.starts_on) <= trained:
            return number
    return max(1, trained)


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
            **{f"provider_{code}": name for code, name in load("courses")["provider"].items()},
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
    Target.objects.get_or_create(
        programme=programme,
        region=Region.objects.get(code="turkestan"),
        school=None,
        role="tutor",
        defaults={"number": 10, "deadline": deadline},
    )
    services.statuses_refresh(programme=programme)
    _place_targets(programme, deadline)
    trained = (
        TrainedStatus.objects.filter(programme=programme, stage=TrainedStatus.Stage.CERTIFIED)
        .values("person")
        .distinct()
        .count()
    )
    out.write(f"Programme: {programme.name_en}, {trained} of 336 trained so far.")
