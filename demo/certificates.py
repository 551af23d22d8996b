"""The certificates of the demo programme.

Two published templates with invented signatories (their signatures drawn here, their
names and the templates' texts in ``demo/data/certificates.yaml``): the
default one, in each learner's language, and a bilingual Kazakh and Russian one for the
teachers' and specialists' courses, valid five years like the mandatory in-service cycle.
Every completed demo enrolment has its certificate, issued on the day it was completed;
one certificate was revoked; one was reissued after a name correction (Kazakh letters
had been typed as Russian ones), so the first points to the second; and one, from the
previous in-service cycle, has expired.

While the courses demo seeds, completions already issue certificates (tasks run inline),
dated the moment of seeding; those are replaced here by ones dated at completion.
Idempotent: a second run finds everything in place and changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.images import ImageFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry

from certificates import services
from certificates.models import ALMATY, Certificate, CertificateSignatory, CertificateTemplate
from certificates.setup import ensure_default_template
from courses.models import CoursePage, Enrolment, ModuleCompletion, ModulePage
from courses.services import enrolment_create, module_complete
from people.models import RoleMembership, User
from people.roles import Role

from .loader import load
from .people import PeopleSeedResult

DATA = load("certificates")
IN_SERVICE: dict[str, Any] = DATA["in_service"]["template"]
IN_SERVICE_COURSES: list[str] = DATA["in_service"]["courses"]
REVOKE_REASON: str = DATA["revoke_reason"]
REISSUE_REASON: str = DATA["reissue_reason"]
# Kazakh letters and the Russian letters they are most often mistyped as.
MISTYPED = str.maketrans(DATA["mistyped"]["kazakh"], DATA["mistyped"]["russian"])


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)), ALMATY)


# --- Templates ------------------------------------------------------------------------------


def signature_image(name: str) -> object:
    """A handwritten-looking signature for an invented person, drawn once."""
    Image = get_image_model()
    title = f"Signature: {name} (demo)"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    seed = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)
    draw = random.Random(seed)
    # A tall capital loop, then slanted cursive humps of varying height, then a flourish
    # back under them.
    points: list[tuple[float, float]] = []
    for i in range(120):
        t = i / 119 * 2 * math.pi * 1.1
        radius = 70 + 25 * math.sin(t * 0.5)
        points.append(
            (
                150 + 0.55 * radius * math.sin(t) + 0.35 * radius * math.cos(t),
                260 - radius * math.cos(t) * 1.2,
            )
        )
    x, y = points[-1]
    humps = 6 + seed % 4
    for hump in range(humps):
        height_ = draw.uniform(25, 85) * (1 - hump / (humps + 3))
        width_ = draw.uniform(45, 80)
        loop = draw.random() < 0.35
        for i in range(1, 31):
            t = i / 30
            dx = width_ * t + (18 * math.sin(2 * math.pi * t) if loop else 0)
            dy = -height_ * math.sin(math.pi * t)
            points.append((x + dx - 0.35 * dy, y + dy + 6 * math.sin(2 * math.pi * t)))
        x += width_
    for i in range(1, 60):
        t = i / 59
        points.append(
            (
                x + 40 * math.sin(math.pi * t) - t * (x - 220),
                y + 25 + 45 * math.sin(math.pi * t * 0.9),
            )
        )
    width, height = 1200, 360
    xs = [point[0] for point in points]
    ys = [point[1] for point in points]
    scale = min((width - 80) / (max(xs) - min(xs)), (height - 60) / (max(ys) - min(ys)))
    points = [((px - min(xs)) * scale + 40, (py - min(ys)) * scale + 30) for px, py in points]
    canvas = PillowImage.new("RGBA", (width, height), (255, 255, 255, 0))
    ImageDraw.Draw(canvas).line(points, fill=(24, 40, 84, 255), width=8, joint="curve")
    canvas = canvas.resize((width // 2, height // 2), PillowImage.Resampling.LANCZOS)
    output = io.BytesIO()
    canvas.save(output, format="PNG")
    slug = hashlib.sha256(name.encode()).hexdigest()[:10]
    image = Image(
        title=title,
        file=ImageFile(io.BytesIO(output.getvalue()), name=f"signature-{slug}.png"),
        collection=Collection.get_first_root_node(),
    )
    image.save()
    return image


def _with_signatories(template: CertificateTemplate) -> None:
    for order, spec in enumerate(DATA["signatories"]):
        position = spec["position"]
        template.signatories.add(
            CertificateSignatory(
                sort_order=order,
                signature=signature_image(spec["name"]),
                name=spec["name"],
                position_kk=position["kk"],
                position_ru=position["ru"],
                position_en=position["en"],
            )
        )


def _publish(template: CertificateTemplate) -> None:
    template.save()
    template.save_revision().publish()


def seed_templates() -> list[CertificateTemplate]:
    default = ensure_default_template()
    if not default.signatories.exists():
        _with_signatories(default)
        _publish(default)
    in_service = CertificateTemplate.objects.filter(name=IN_SERVICE["name"]).first()
    if in_service is None:
        in_service = CertificateTemplate(**IN_SERVICE)
        _with_signatories(in_service)
        in_service.courses = list(
            CoursePage.objects.filter(slug__in=IN_SERVICE_COURSES, locale__language_code="kk")
        )
        _publish(in_service)
    return [default, in_service]


# --- Certificates ---------------------------------------------------------------------------


def _discard(certificate: Certificate) -> None:
    """Remove a certificate made during this seeding with the wrong date (demo only)."""
    ModelLogEntry.objects.for_instance(certificate).delete()
    services.private_storage().delete(certificate.pdf_name)
    certificate.delete()


def issue_at_completion() -> int:
    """Every completed enrolment of a course with certificates has one, issued on the day
    it was completed. Returns how many were (re)issued."""
    count = 0
    made_at_seeding = Certificate.objects.filter(
        replaces__isnull=True, replaced_by__isnull=True, status=Certificate.Status.VALID
    ).select_related("enrolment")
    for certificate in made_at_seeding:
        enrolment = certificate.enrolment
        if enrolment is not None and certificate.issued_at != enrolment.completed_at:
            _discard(certificate)
    missing = Enrolment.objects.filter(
        status=Enrolment.Status.COMPLETED,
        course__awards_certificate=True,
        certificates__isnull=True,
    ).order_by("completed_at", "pk")
    for enrolment in missing:
        services.certificate_issue(enrolment=enrolment, issued_at=enrolment.completed_at)
        count += 1
    return count


def _pick(exclude: set[int], *, kazakh_letters: bool = False) -> Certificate | None:
    candidates = (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            replaces__isnull=True,
            replaced_by__isnull=True,
            person__isnull=False,
        )
        .exclude(pk__in=exclude)
        .select_related("person")
        .order_by("person__email", "course__slug")
    )
    for certificate in candidates:
        name = certificate.person.full_name if certificate.person else ""
        if not kazakh_letters or name.translate(MISTYPED) != name:
            return certificate
    return None


def seed_revoked(manager: User) -> None:
    if Certificate.objects.filter(status=Certificate.Status.REVOKED).exists():
        return
    certificate = _pick(set())
    if certificate is not None:
        services.certificate_revoke(actor=manager, certificate=certificate, reason=REVOKE_REASON)


def seed_reissued(manager: User) -> None:
    """A certificate first issued with the name mistyped, then reissued with it corrected."""
    if Certificate.objects.filter(status=Certificate.Status.SUPERSEDED).exists():
        return
    revoked = set(
        Certificate.objects.filter(status=Certificate.Status.REVOKED).values_list("pk", flat=True)
    )
    certificate = _pick(revoked, kazakh_letters=True)
    if certificate is None or certificate.person is None or certificate.enrolment is None:
        return
    person, enrolment = certificate.person, certificate.enrolment
    correct = person.full_name
    _discard(certificate)
    User.objects.filter(pk=person.pk).update(full_name=correct.translate(MISTYPED))
    mistyped = services.certificate_issue(enrolment=enrolment, issued_at=enrolment.completed_at)
    User.objects.filter(pk=person.pk).update(full_name=correct)
    services.certificate_reissue(actor=manager, certificate=mistyped, reason=REISSUE_REASON)


def seed_expired(manager: User, people: PeopleSeedResult) -> None:
    """A school leader who took the teachers' course in the previous five-year cycle."""
    course = CoursePage.objects.filter(slug="teacher-lesson", locale__language_code="kk").first()
    if course is None:
        return
    completed_on = people.programme_start - timedelta(days=5 * 365 + 120)
    if Enrolment.objects.filter(
        course=course, completed_at__lt=at(people.programme_start)
    ).exists():
        return
    leader = (
        User.objects.filter(
            pk__in=RoleMembership.objects.current()
            .filter(role=Role.SCHOOL_LEADER)
            .values("person_id")
        )
        .exclude(enrolments__course=course)
        .order_by("email")
        .first()
    )
    trainer = User.objects.filter(email="trainer@qamqor.example").first()
    if leader is None:
        return
    enrolment = enrolment_create(
        actor=manager, person=leader, course=course, source=Enrolment.Source.COHORT
    )
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    for index, module in enumerate(modules):
        module_complete(
            enrolment=enrolment, module=module, how=ModuleCompletion.How.OVERRIDE, actor=trainer
        )
        ModuleCompletion.objects.filter(enrolment=enrolment, module=module).update(
            completed_at=at(completed_on - timedelta(days=len(modules) - index), 11)
        )
    finished = at(completed_on, 16)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=at(completed_on - timedelta(days=21), 9),
        last_activity_at=finished,
        modules_completed_at=finished,
        completed_at=finished,
    )
    enrolment.refresh_from_db()
    services.certificate_issue(enrolment=enrolment, issued_at=finished)


@transaction.atomic
def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    manager = User.objects.get(email="manager@qamqor.example")
    templates = seed_templates()
    seed_expired(manager, people)
    issue_at_completion()
    seed_revoked(manager)
    seed_reissued(manager)
    certificates = list(Certificate.objects.all())
    counts = dict.fromkeys(("valid", "expired", "revoked", "superseded"), 0)
    for certificate in certificates:
        counts[certificate.display_status] += 1
    out.write(
        f"Certificates: {len(certificates)} ({counts['valid']} valid, {counts['expired']} "
        f"expired, {counts['revoked']} revoked, {counts['superseded']} superseded), "
        f"{len(templates)} templates."
    )
