"""People, the places they work in, and the roles they hold there.

Children never appear here: a support room keeps only aggregate counts.
"""

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import text

from .roles import AT_SCHOOL, IN_REGION, NATIONAL, ROLE_PLACES, Role, Specialism


class TranslatedNameMixin(models.Model):
    """A name kept in each interface language; ``name`` reads the active one.

    Each is a printed name (on certificates, reports, dashboards): ``clean`` refuses
    invisible and control characters and composes it (``core.text``)."""

    printed_name_fields: ClassVar[dict[str, int | None]] = {
        "name_kk": 200,
        "name_ru": 200,
        "name_en": 200,
    }

    name_kk = models.CharField(_("name in Kazakh"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        text.clean_fields(self, self.printed_name_fields)

    @property
    def name(self) -> str:
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"name_{language}", "") or self.name_ru or self.name_kk


class Region(TranslatedNameMixin):
    """A region (oblys) or a city of republican significance."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        CITY = "city", _("City of republican significance")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGION)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class School(TranslatedNameMixin):
    printed_name_fields: ClassVar[dict[str, int | None]] = {
        **TranslatedNameMixin.printed_name_fields,
        "locality": 200,
    }

    code = models.SlugField(_("code"), max_length=60, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="schools", verbose_name=_("region")
    )
    locality = models.CharField(_("town or village"), max_length=200, blank=True)
    is_rural = models.BooleanField(_("rural school"), default=False)

    class Meta:
        ordering = ["region__name_en", "name_en"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")


class SupportRoom(models.Model):
    """The school's Inclusive Education Support Room (IESR).

    Children are counted, never named: no child's name, diagnosis or PMPC conclusion is
    stored anywhere in the product.
    """

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="support_room", verbose_name=_("school")
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    sen_places = models.PositiveSmallIntegerField(
        _("places for children with SEN"),
        default=40,
        help_text=_(
            "How many children with special educational needs the school plans to include."
        ),
    )
    sen_children_included = models.PositiveSmallIntegerField(
        _("children with SEN included"),
        default=0,
        help_text=_("An aggregate count only."),
    )

    class Meta:
        verbose_name = _("support room")
        verbose_name_plural = _("support rooms")

    def __str__(self) -> str:
        return str(_("Support room of %(school)s") % {"school": self.school})


class TrainingArea(TranslatedNameMixin):
    """An area in which tutors are trained; programme staff keep the list in the admin."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("tutor training area")
        verbose_name_plural = _("tutor training areas")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email=(username or "").strip().lower())

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("A person needs an e-mail address.")
        user = self.model(email=email.strip().lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person: member of school staff, programme staff, or both.

    The e-mail address is the login. A person imported or added by a coordinator exists
    before they have a password; an invitation lets them set one.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("Exactly as it must appear on certificates."),
    )
    full_name_alt = models.CharField(
        _("second spelling of the name"),
        max_length=200,
        blank=True,
        help_text=_("The name in the other alphabet (Cyrillic or Latin), if it has one."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Used for the pages you see, e-mails and certificates."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("Django admin access"), default=False)
    date_joined = models.DateTimeField(_("added on"), default=timezone.now)
    erased_at = models.DateTimeField(
        _("personal data erased on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when an administrator erased the person's personal data."),
    )

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(condition=Q(email=Lower("email")), name="user_email_lowercase"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.email.strip().lower()
        errors: dict[str, list[str]] = {}
        for field in ("full_name", "full_name_alt"):
            try:
                setattr(self, field, text.clean_name(getattr(self, field) or ""))
            except ValidationError as error:
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class MembershipQuerySet(models.QuerySet["RoleMembership"]):
    def current(self) -> "MembershipQuerySet":
        return self.filter(ended_on__isnull=True)


def _place_condition(role: str) -> Q:
    places = ROLE_PLACES[role]
    options = []
    if AT_SCHOOL in places:
        options.append(Q(school__isnull=False, region__isnull=True))
    if IN_REGION in places:
        options.append(Q(school__isnull=True, region__isnull=False))
    if NATIONAL in places:
        options.append(Q(school__isnull=True, region__isnull=True))
    condition = options[0]
    for option in options[1:]:
        condition |= option
    return Q(role=role) & condition


class RoleMembership(models.Model):
    """One role held by one person at one place (a school, a region, or the whole programme).

    Ending a membership keeps it as history; only current memberships grant anything.
    """

    wagtail_reference_index_ignore = True  # not content: keep saves free of index updates

    person = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("school"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("region"),
    )
    training_area = models.ForeignKey(
        TrainingArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("training area"),
    )
    specialism = models.CharField(
        _("specialism"), max_length=32, choices=Specialism.choices, blank=True
    )
    started_on = models.DateField(_("since"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "started_on"]
        verbose_name = _("role membership")
        verbose_name_plural = _("role memberships")
        indexes = [
            models.Index(fields=["role", "school"], name="membership_role_school"),
            models.Index(fields=["role", "region"], name="membership_role_region"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "school"],
                condition=Q(ended_on__isnull=True, school__isnull=False),
                name="membership_one_current_per_school",
            ),
            models.UniqueConstraint(
                fields=["person", "role", "region"],
                condition=Q(ended_on__isnull=True, region__isnull=False),
                name="membership_one_current_per_region",
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(ended_on__isnull=True, school__isnull=True, region__isnull=True),
                name="membership_one_current_national",
            ),
            models.CheckConstraint(
                condition=_place_condition(Role.TUTOR)
                | _place_condition(Role.TEACHER)
                | _place_condition(Role.SPECIALIST)
                | _place_condition(Role.METHODOLOGIST)
                | _place_condition(Role.SCHOOL_LEADER)
                | _place_condition(Role.TRAINER)
                | _place_condition(Role.SUPERVISOR)
                | _place_condition(Role.REGIONAL_COORDINATOR)
                | _place_condition(Role.PROGRAMME_MANAGER)
                | _place_condition(Role.ADMINISTRATOR),
                name="membership_role_held_at_its_place",
            ),
            models.CheckConstraint(
                condition=Q(role=Role.TUTOR, training_area__isnull=False)
                | (~Q(role=Role.TUTOR) & Q(training_area__isnull=True)),
                name="membership_training_area_for_tutors_only",
            ),
            models.CheckConstraint(
                condition=(Q(role=Role.SPECIALIST) & ~Q(specialism=""))
                | (~Q(role=Role.SPECIALIST) & Q(specialism="")),
                name="membership_specialism_for_specialists_only",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        place = self.school or self.region
        role = self.get_role_display()
        return f"{self.person}: {role}, {place}" if place else f"{self.person}: {role}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None

    @property
    def place(self) -> School | Region | None:
        return self.school or self.region

    @property
    def detail(self) -> str:
        """The training area of a tutor or the specialism of a specialist, if any."""
        if self.training_area_id:
            return str(self.training_area)
        return self.get_specialism_display() if self.specialism else ""


class Invitation(models.Model):
    """A one-time link that lets a known person set a password and verifies their address.

    Only a hash of the token is stored; the token itself exists in the e-mail alone.
    """

    wagtail_reference_index_ignore = True

    person = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("person")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(_("Invitation for %(person)s") % {"person": self.person})

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
            and self.person.is_active
        )


# An offer nobody has answered or closed yet (an expired one included).
OPEN_OFFER = Q(accepted_at__isnull=True, declined_at__isnull=True, closed_at__isnull=True)


class RoleOfferQuerySet(models.QuerySet["RoleOffer"]):
    def open(self) -> "RoleOfferQuerySet":
        return self.filter(OPEN_OFFER)

    def waiting(self) -> "RoleOfferQuerySet":
        """Open offers that can still be accepted."""
        return self.open().filter(expires_at__gt=timezone.now())


class RoleOffer(models.Model):
    """A role at a place offered to someone who has an account outside the scope of the
    person adding them: nothing about them reaches the offerer until they accept, and then
    the role is given as any other. One open offer per person, role and place.

    ``origin`` is what made the offer (a staff import, say), so that the app that made it can
    finish its part (enrolment by a programme's rules) once the offer is accepted.
    """

    wagtail_reference_index_ignore = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_offers")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    school = models.ForeignKey(School, models.PROTECT, null=True, blank=True, related_name="+")
    region = models.ForeignKey(Region, models.PROTECT, null=True, blank=True, related_name="+")
    training_area = models.ForeignKey(
        TrainingArea, models.PROTECT, null=True, blank=True, related_name="+"
    )
    specialism = models.CharField(max_length=32, choices=Specialism.choices, blank=True)
    offered_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    offered_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    # Closed unanswered: replaced after it expired, or the person got the role another way.
    closed_at = models.DateTimeField(null=True, blank=True)
    membership = models.OneToOneField(
        RoleMembership, models.SET_NULL, null=True, blank=True, related_name="offer"
    )
    origin_type = models.ForeignKey(
        ContentType, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    origin = GenericForeignKey("origin_type", "origin_id")

    objects = RoleOfferQuerySet.as_manager()

    class Meta:
        ordering = ["-offered_at"]
        verbose_name = _("role offer")
        verbose_name_plural = _("role offers")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "school"],
                condition=OPEN_OFFER & Q(school__isnull=False),
                name="role_offer_one_open_per_school",
            ),
            models.UniqueConstraint(
                fields=["person", "role", "region"],
                condition=OPEN_OFFER & Q(region__isnull=False),
                name="role_offer_one_open_per_region",
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=OPEN_OFFER & Q(school__isnull=True, region__isnull=True),
                name="role_offer_one_open_national",
            ),
            models.CheckConstraint(
                condition=Q(school__isnull=True) | Q(region__isnull=True),
                name="role_offer_school_or_region",
            ),
            models.CheckConstraint(
                condition=~Q(accepted_at__isnull=False, declined_at__isnull=False)
                & ~Q(accepted_at__isnull=False, closed_at__isnull=False)
                & ~Q(declined_at__isnull=False, closed_at__isnull=False),
                name="role_offer_ends_one_way",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()}"

    @property
    def place(self) -> School | Region | None:
        return self.school or self.region

    @property
    def detail(self) -> str:
        if self.training_area_id:
            return str(self.training_area)
        return self.get_specialism_display() if self.specialism else ""

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None and self.closed_at is None
