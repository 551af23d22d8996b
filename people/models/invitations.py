"""Invitations to set up an account, and roles offered to an existing account."""

import uuid

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..roles import Role, Specialism
from .accounts import User
from .memberships import RoleMembership, role_detail
from .places import Region, School, TrainingArea


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
        return role_detail(self)

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None and self.closed_at is None
