"""The places people work in: regions, schools, support rooms and training areas."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import text


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
