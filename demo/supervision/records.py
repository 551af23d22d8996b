"""What a visit holds: observations with their scores, action points, the reviews of
earlier points, and a photo."""

from __future__ import annotations

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from people.models import RoleMembership, User
from people.roles import Role
from supervision.models import (
    ActionPoint,
    ActionPointReview,
    Attachment,
    Observation,
    ObservationScore,
    RubricVersion,
    Visit,
)

from .base import DATA, REASONS, SESSION_FOR_ROLE, Counts, derived_id, in_language


class VisitRecords:
    """Mixed into the seeder of visits, whose counts and rubric versions it uses."""

    counts: Counts
    versions: dict[str, RubricVersion]

    def observations(
        self,
        visit: Visit,
        staff: list[RoleMembership],
        number: int,
        language: str,
        *,
        complete: bool,
    ) -> None:
        if not staff:
            return
        for n in range(2):
            client_id = derived_id("observation", visit.school.code, visit.planned_on, n)
            if Observation.objects.filter(client_id=client_id).exists():
                continue
            rnd = random.Random(client_id)
            membership = self.observed(staff, number, n)
            version = self.versions[SESSION_FOR_ROLE[Role(membership.role)]]
            person_rnd = random.Random(f"{membership.person.email}")
            start = 1.5 + person_rnd.random() * 0.7
            # About a third of the observed staff stay where they began, so that growth
            # over the year shows both improving and flat practice.
            step = 0.0 if person_rnd.random() < 0.35 else 0.2
            base = start + step * number
            keys = version.indicator_keys()
            is_complete = complete or n == 0
            scores = {}
            for key in keys:
                value = round(base + rnd.uniform(-0.6, 0.6))
                scores[key] = max(1, min(version.scale_max, value))
            if not is_complete:
                scores = dict(list(scores.items())[:2])
            observation = Observation.objects.create(
                client_id=client_id,
                visit=visit,
                observed_person=membership.person,
                observed_role=membership.role,
                session_type=version.content["session_type"],
                rubric_version=version,
                scale_max=version.scale_max,
                evidence=rnd.choice(in_language(DATA["evidence"], language)),
                strengths=(
                    rnd.choice(in_language(DATA["strengths"], language)) if is_complete else ""
                ),
                next_steps=(
                    rnd.choice(in_language(DATA["next_steps"], language)) if is_complete else ""
                ),
                is_complete=is_complete,
                average_score=sum(scores.values()) / len(scores),
                created_by=visit.supervisor,
            )
            ObservationScore.objects.bulk_create(
                [
                    ObservationScore(
                        observation=observation,
                        domain_key=keys[key],
                        indicator_key=key,
                        score=value,
                    )
                    for key, value in scores.items()
                ]
            )
            self.counts.add("observations")

    @staticmethod
    def observed(staff: list[RoleMembership], number: int, n: int) -> RoleMembership:
        """The first tutor is observed at every visit and the first teacher at every other
        one, so that their growth over the year shows; the rest take turns."""

        def first_the_demo_login(role: str) -> list[RoleMembership]:
            login = f"{role}@"
            members = [m for m in staff if m.role == role]
            return sorted(members, key=lambda m: not m.person.email.startswith(login))

        tutors = first_the_demo_login(Role.TUTOR)
        teachers = first_the_demo_login(Role.TEACHER)
        if n == 0 and tutors:
            return tutors[0]
        if number % 2 == 0 and teachers:
            return teachers[0]
        others = [m for m in staff if m not in tutors[:1] + teachers[:1]] or staff
        return others[(number // 2) % len(others)]

    def points(
        self, visit: Visit, owners: list[User], number: int, language: str
    ) -> list[ActionPoint]:
        created = []
        for n in range(2):
            client_id = derived_id("action-point", visit.school.code, visit.planned_on, n)
            point = ActionPoint.objects.filter(client_id=client_id).first()
            if point is None:
                texts = in_language(DATA["action_points"], language)
                point = ActionPoint.objects.create(
                    client_id=client_id,
                    visit=visit,
                    school=visit.school,
                    description=texts[(number * 2 + n) % len(texts)],
                    owner=owners[n % len(owners)],
                    due_on=visit.planned_on + timedelta(days=21 + 7 * n),
                    created_by=visit.supervisor,
                )
                self.counts.add("action points")
            created.append(point)
        return created

    def reviews(
        self,
        visit: Visit,
        open_points: list[ActionPoint],
        language: str,
        *,
        review_all: bool,
    ) -> None:
        still_open = []
        for point in list(open_points):
            point.refresh_from_db()
            if (
                point.visit.planned_on >= visit.planned_on
                or point.status != ActionPoint.Status.OPEN
            ):
                continue
            # Each point's fate comes from its own id, so that a second run decides the same.
            fate = random.Random(f"{point.client_id}/{visit.planned_on}")
            if not review_all and point.client_id.int % 2 == 1:
                still_open.append(point)
                continue
            if ActionPointReview.objects.filter(action_point=point, visit=visit).exists():
                continue
            roll = fate.random()
            Outcome = ActionPointReview.Outcome
            outcome = (
                Outcome.DONE
                if roll < 0.6
                else (Outcome.STILL_OPEN if roll < 0.85 else Outcome.DROPPED)
            )
            note = ""
            new_due = None
            if outcome == Outcome.DROPPED:
                note = REASONS["dropped"][language]
            elif outcome == Outcome.STILL_OPEN:
                note = REASONS["still_open"][language]
                new_due = visit.planned_on + timedelta(days=21)
            ActionPointReview.objects.create(
                action_point=point,
                visit=visit,
                outcome=outcome,
                note=note,
                new_due_on=new_due,
                reviewed_by=visit.supervisor,
            )
            point.status = outcome
            point.closed_on = None if outcome == Outcome.STILL_OPEN else visit.planned_on
            if new_due:
                point.due_on = new_due
            point.save()
            self.counts.add("reviews")
            if outcome == Outcome.STILL_OPEN:
                still_open.append(point)
        open_points[:] = [p for p in open_points if p.status == ActionPoint.Status.OPEN]

    def photo(self, visit: Visit, number: int) -> None:
        client_id = derived_id("photo", visit.school.code, visit.planned_on)
        if Attachment.objects.filter(client_id=client_id).exists():
            return
        image = Image.new("RGB", (960, 640), (243, 246, 247))
        draw = ImageDraw.Draw(image)
        colours = [(11, 93, 99), (122, 77, 0), (91, 58, 140), (29, 107, 52), (10, 90, 156)]
        # A visual timetable on a classroom wall: a row of picture cards.
        draw.rectangle((60, 120, 900, 520), fill=(255, 255, 255), outline=(201, 210, 216), width=6)
        for card in range(5):
            left = 90 + card * 162
            draw.rounded_rectangle(
                (left, 190, left + 136, 420), radius=18, fill=colours[(card + number) % 5]
            )
            draw.ellipse((left + 33, 230, left + 103, 300), fill=(255, 255, 255))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
        attachment = Attachment(
            client_id=client_id,
            visit=visit,
            kind=Attachment.Kind.PHOTO,
            original_name=f"visual-timetable-{visit.planned_on.isoformat()}.jpg",
            content_type="image/jpeg",
            size=out.tell(),
            caption=DATA["photo_caption"][
                visit.supervisor.preferred_language if visit.supervisor else "en"
            ],
            uploaded_by=visit.supervisor,
        )
        attachment.file.save("photo.jpg", ContentFile(out.getvalue()), save=False)
        attachment.save()
        self.counts.add("photos")
