"""Identity providers registered per organisation, and the rules that turn what they assert
about a person into roles at schools."""

from __future__ import annotations

import re
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from core.csp import origin_of
from people.models import Region, RoleMembership, School, TrainingArea
from people.roles import AT_SCHOOL, ROLE_PLACES, Role, Specialism

from . import metadata

# Roles an identity provider may give: those held at a school, the school named by the
# provider's assertion. Regional and national roles are given by people, never by a claim.
GRANTABLE_ROLES = tuple(role for role in Role if AT_SCHOOL in ROLE_PLACES[role])

DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def parse_domains(value: str) -> list[str]:
    """The e-mail domains of a provider, one per line or separated by commas or spaces."""
    return [part.strip().lower() for part in re.split(r"[\s,]+", value or "") if part.strip()]


class Protocol(models.TextChoices):
    OIDC = "oidc", _("OpenID Connect")
    SAML = "saml", _("SAML 2.0")


class IdentityProvider(ClusterableModel):
    """An organisation's identity provider (OpenID Connect or SAML 2.0): a ministry, a
    regional education department or a partner university whose staff sign in with their
    own accounts."""

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("Shown on the sign-in page as “Sign in with …”."),
    )
    slug = models.SlugField(
        _("short name"),
        max_length=40,
        unique=True,
        help_text=_("Used in the sign-in addresses; letters, digits and hyphens."),
        validators=[
            RegexValidator(r"^[a-z0-9][a-z0-9-]*$", _("Use lower-case letters, digits, hyphens."))
        ],
    )
    protocol = models.CharField(
        _("protocol"), max_length=8, choices=Protocol.choices, default=Protocol.OIDC
    )
    issuer = models.URLField(
        _("issuer URL"),
        blank=True,
        help_text=_(
            "OpenID Connect: the provider's issuer; its configuration is read from "
            "/.well-known/openid-configuration below it."
        ),
    )
    client_id = models.CharField(_("client ID"), max_length=200, blank=True)
    client_secret = models.CharField(_("client secret"), max_length=500, blank=True)
    saml_metadata_url = models.URLField(
        _("metadata URL"),
        blank=True,
        help_text=_(
            "SAML: where the identity provider publishes its metadata. Leave empty to "
            "paste the metadata below instead."
        ),
    )
    saml_metadata_xml = models.TextField(
        _("metadata XML"),
        blank=True,
        help_text=_("SAML: the identity provider's metadata, when it has no address."),
    )
    saml_entity_id = models.CharField(
        _("identity provider entity ID"),
        max_length=500,
        blank=True,
        help_text=_(
            "SAML: read from the metadata when it is saved; give it only when the metadata "
            "describes several identity providers."
        ),
    )
    saml_sso_url = models.URLField(
        _("identity provider sign-in address"),
        max_length=500,
        blank=True,
        editable=False,
        help_text=_("SAML: read from the metadata when it is saved."),
    )
    domains = models.TextField(
        _("e-mail domains"),
        help_text=_(
            "One per line. Only addresses of these domains may sign in through this "
            "provider, and typing one on the sign-in page leads here."
        ),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Roles are given only at schools of this region. Empty: any region."),
    )
    schools = models.ManyToManyField(
        School,
        blank=True,
        related_name="+",
        verbose_name=_("schools"),
        help_text=_("If any are chosen, roles are given only at these schools."),
    )
    allowed_roles = models.JSONField(
        _("roles it may give"),
        default=list,
        blank=True,
        help_text=_("A rule or an assertion asking for any other role is refused."),
    )
    enforces_mfa = models.BooleanField(
        _("enforces two-factor authentication"),
        default=False,
        help_text=_(
            "Programme roles skip our own authenticator only when this is on and the "
            "provider says (OpenID Connect: in “amr”; SAML: in the authentication context "
            "class) that the person used a second factor."
        ),
    )
    email_claim = models.CharField(
        _("claim with the e-mail address"),
        max_length=200,
        default="email",
        help_text=_(
            "SAML: the attribute with the address; when it is missing, the NameID is used if "
            "it is an address. OpenID Connect always uses “email”."
        ),
    )
    name_claim = models.CharField(
        _("claim with the full name"),
        max_length=200,
        default="name",
        help_text=_("For SAML, the name of the attribute; the same for the claims below."),
    )
    name_alt_claim = models.CharField(
        _("claim with the second spelling"), max_length=200, blank=True
    )
    language_claim = models.CharField(
        _("claim with the language"), max_length=200, default="locale"
    )
    school_claim = models.CharField(
        _("claim with the school code"), max_length=200, default="school_code"
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")

    def __str__(self) -> str:
        return self.organisation

    @property
    def domain_list(self) -> list[str]:
        return parse_domains(self.domains)

    @property
    def is_saml(self) -> bool:
        return self.protocol == Protocol.SAML

    @property
    def sign_in_origin(self) -> str:
        """The site a "Sign in with …" button sends the browser to."""
        return origin_of(self.saml_sso_url if self.is_saml else self.issuer)

    def _protocol_errors(self) -> dict[str, list[str]]:
        required = _("Required for this protocol.")
        if not self.is_saml:
            fields = ("issuer", "client_id", "client_secret")
            return {name: [str(required)] for name in fields if not getattr(self, name)}
        if not self.saml_metadata_url and not self.saml_metadata_xml.strip():
            message = str(_("Give the metadata URL or paste the metadata."))
            return {"saml_metadata_url": [message], "saml_metadata_xml": [message]}
        field = "saml_metadata_xml" if self.saml_metadata_xml.strip() else "saml_metadata_url"
        try:
            if field == "saml_metadata_xml":
                found = metadata.parse(self.saml_metadata_xml.strip(), self.saml_entity_id)
            else:
                found = metadata.fetch(self.saml_metadata_url, self.saml_entity_id)
        except metadata.MetadataError as error:
            return {field: [error.message]}
        self.saml_entity_id = found.entity_id
        self.saml_sso_url = found.sso_url
        return {}

    def clean(self) -> None:
        super().clean()
        errors = self._protocol_errors()
        domains = self.domain_list
        bad = [domain for domain in domains if not DOMAIN.match(domain)]
        if not domains:
            errors["domains"] = [str(_("Give at least one e-mail domain."))]
        elif bad:
            errors["domains"] = [
                str(_("Not an e-mail domain: %(domains)s")) % {"domains": ", ".join(bad)}
            ]
        else:
            taken = [
                domain
                for other in IdentityProvider.objects.exclude(pk=self.pk)
                for domain in other.domain_list
                if domain in domains
            ]
            if taken:
                errors["domains"] = [
                    str(_("Already covered by another provider: %(domains)s"))
                    % {"domains": ", ".join(taken)}
                ]
        self.domains = "\n".join(domains)
        unknown = [role for role in self.allowed_roles or [] if role not in GRANTABLE_ROLES]
        if unknown:
            errors["allowed_roles"] = [str(_("A provider may give only roles held at a school."))]
        if errors:
            raise ValidationError(errors)


class MappingRule(models.Model):
    """When the provider asserts ``claim`` with ``value``, the person holds ``role`` at the
    school whose code the provider asserts (the provider's school claim)."""

    provider = ParentalKey(
        IdentityProvider,
        on_delete=models.CASCADE,
        related_name="rules",
        verbose_name=_("identity provider"),
    )
    claim = models.CharField(
        _("claim"),
        max_length=200,
        help_text=_("For example: role. For SAML, the name of the attribute."),
    )
    value = models.CharField(_("value"), max_length=200, help_text=_("For example: teacher"))
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    training_area = models.ForeignKey(
        TrainingArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training area"),
        help_text=_("For tutors."),
    )
    specialism = models.CharField(
        _("specialism"),
        max_length=32,
        choices=Specialism.choices,
        blank=True,
        help_text=_("For specialists."),
    )

    panels: ClassVar[list] = [
        FieldPanel("claim"),
        FieldPanel("value"),
        FieldPanel("role"),
        FieldPanel("training_area"),
        FieldPanel("specialism"),
    ]

    class Meta:
        ordering = ["claim", "value"]
        verbose_name = _("mapping rule")
        verbose_name_plural = _("mapping rules")

    def __str__(self) -> str:
        return f"{self.claim}={self.value} → {self.get_role_display()}"

    def clean(self) -> None:
        super().clean()
        if self.role and self.role not in GRANTABLE_ROLES:
            raise ValidationError({"role": _("A provider may give only roles held at a school.")})
        if self.role == Role.TUTOR and self.training_area_id is None:
            raise ValidationError({"training_area": _("Choose the tutor's training area.")})
        if self.role != Role.TUTOR and self.training_area_id is not None:
            raise ValidationError({"training_area": _("Only tutors have a training area.")})
        if self.role == Role.SPECIALIST and not self.specialism:
            raise ValidationError({"specialism": _("Choose the specialist's specialism.")})
        if self.role != Role.SPECIALIST and self.specialism:
            raise ValidationError({"specialism": _("Only specialists have a specialism.")})
        provider = getattr(self, "provider", None)
        if provider is not None and self.role not in (provider.allowed_roles or []):
            raise ValidationError(
                {"role": _("Add this role to the roles the provider may give first.")}
            )


class ProvidedMembership(models.Model):
    """A role that came from a provider's assertion: the next sign-in through the same
    provider ends it when the provider no longer asserts it."""

    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="memberships"
    )
    membership = models.OneToOneField(
        RoleMembership, on_delete=models.CASCADE, related_name="provided_by"
    )

    class Meta:
        verbose_name = _("role from a provider")
        verbose_name_plural = _("roles from providers")

    def __str__(self) -> str:
        return f"{self.membership} ({self.provider})"
