"""The certificate as a PDF: an HTML template with its own print CSS (A4 landscape),
rendered by WeasyPrint as PDF/A-3b, tagged, and declared PDF/UA-1.

Everything printed comes from the certificate's snapshot, its code and its dates, so the
same data always gives the same document. The fixed words (labels, month names, the unit
of hours) are in the certificate's language, or in both for a bilingual one.

Speed matters (a cohort finishes together, and a template fix reissues hundreds): the
font configuration is made once per process (``core.pdf``) and the stylesheet parsed once;
the document uses two faces of one font the machine has (Noto Serif, which covers every
Kazakh letter); it keeps to the lines a certificate needs, laid out without flex boxes
(each line costs WeasyPrint about a millisecond and a half); images are JPEGs embedded as
they are, the QR code a small bitmap; and WeasyPrint must subset fonts with HarfBuzz
(``uses_harfbuzz_subsetting``), because its fontTools fallback alone costs several times
the rest of the render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from weasyprint import CSS

from core.pdf import LocalFileFetcher, font_configuration, render_pdf

from . import codes, fit
from .models import Certificate
from .wording import ALMATY, TEXT_LANGUAGES, fill_placeholders

if TYPE_CHECKING:
    from .models import CertificateTemplate

PDF_VARIANT = "pdf/a-3b"
PAPER = "fffdf6"  # the colour of the paper, as in the stylesheet
# The programme's emblem (static/img/logo.svg) drawn at 360 px on the paper's colour: a
# JPEG is embedded as it is, where the SVG would be laid out for every certificate.
EMBLEM = "certificates/emblem.jpg"
STYLESHEET = "certificates/pdf/certificate.css"
TEMPLATE = "certificates/pdf/certificate.html"

# Month names in the form a date takes in running text.
KAZAKH_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
RUSSIAN_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# The fixed words of the document, translated into the certificate's language(s).
LABELS = {
    "number": _("Certificate No."),
    "issued_on": _("Date of issue"),
    "completed_on": _("Completed on"),
    "valid_until": _("Valid until"),
    "verify": _("Check that this certificate is genuine"),
    "qr": _("QR code that opens the verification page of this certificate"),
    "signature": _("Signature"),
}


def long_date(day: date, language: str) -> str:
    """A date as it is written on an official document in ``language``."""
    if language == "kk":
        return f"{day.year} жылғы {day.day} {KAZAKH_MONTHS[day.month - 1]}"
    if language == "ru":
        return f"{day.day} {RUSSIAN_MONTHS[day.month - 1]} {day.year} г."
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def hours_text(hours: Decimal | str, language: str) -> str:
    """``8 академиялық сағат``, ``8 академических часов``, ``8 academic hours``."""
    value = Decimal(str(hours)).normalize()
    whole = value == value.to_integral_value()
    number = str(int(value)) if whole else str(value)
    if language in ("kk", "ru") and not whole:
        number = number.replace(".", ",")
    # A fraction takes the form of "a few" in Russian; 2 selects it in every language.
    count = int(value) if whole else 2
    with translation.override(language):
        return ngettext("%(hours)s academic hour", "%(hours)s academic hours", count) % {
            "hours": number
        }


def labels_in(language: str) -> dict[str, str]:
    with translation.override(language):
        return {key: str(value) for key, value in LABELS.items()}


# --- Snapshot -----------------------------------------------------------------------------


def image_url(image: Any, spec: str) -> str:
    """The URL of a rendition of a Wagtail image, which the PDF fetcher reads from disk."""
    if image is None:
        return ""
    return str(image.get_rendition(spec).url)


def template_design(template: CertificateTemplate) -> dict[str, Any]:
    """The images and signatories of a template, in every language: what does not depend
    on the person. Made once per published revision (see ``services.prepared_template``)."""
    # On the plain paper, images are JPEGs on the paper's colour: WeasyPrint embeds a JPEG
    # as it is, whereas a PNG with transparency is decoded and compressed again each time.
    # Over a background image they keep their transparency.
    flat = (
        "|format-png" if template.background_id else f"|format-jpeg|bgcolor-{PAPER}|jpegquality-90"
    )
    return {
        "signatories": [
            {
                "name": signatory.name,
                "positions": {
                    language: getattr(signatory, f"position_{language}", "")
                    for language in TEXT_LANGUAGES
                },
                "signature": image_url(signatory.signature, "max-640x240" + flat),
            }
            for signatory in template.signatories.all()
        ],
        "logo": image_url(template.logo, "max-300x300" + flat)
        or static("img/logo.svg" if template.background_id else EMBLEM),
        "background": image_url(template.background, "fill-2480x1754|format-jpeg|jpegquality-85"),
    }


def template_snapshot(
    template: CertificateTemplate,
    *,
    design: dict[str, Any],
    languages: tuple[str, ...],
    values: dict[str, dict[str, str]],
) -> dict[str, Any]:
    """The parts of the template a certificate prints, with placeholders filled in, in the
    certificate's languages. ``values`` maps each language to the placeholder values."""
    texts = {
        language: {
            field: fill_placeholders(template.text(field, language), values[language]).strip()
            for field in ("title", "subtitle", "body")
        }
        for language in languages
    }
    signatories = [
        {
            "name": signatory["name"],
            "positions": {language: signatory["positions"][language] for language in languages},
            "signature": signatory["signature"],
        }
        for signatory in design["signatories"]
    ]
    return {
        "texts": texts,
        "signatories": signatories,
        "logo": design["logo"],
        "background": design["background"],
    }


def placeholder_values(
    *,
    language: str,
    full_name: str,
    full_name_alt: str,
    course_title: str,
    hours: Decimal | str,
    completed_on: date,
    provider: str,
) -> dict[str, str]:
    return {
        "name": full_name,
        "name_alt": full_name_alt,
        "course": course_title,
        "hours": hours_text(hours, language),
        "completion_date": long_date(completed_on, language),
        "provider": provider,
    }


# --- The document --------------------------------------------------------------------------


@dataclass
class Side:
    """What the certificate says in one of its languages."""

    language: str
    title: str
    subtitle: str
    paragraphs: list[str]
    course: str
    provider: str
    hours: str
    completed: str
    issued: str
    valid_until: str
    labels: dict[str, str]
    positions: list[str] = field(default_factory=list)


def _paragraphs(text: str) -> list[str]:
    return [
        " ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()
    ]


def verify_form_address() -> str:
    """``lms.example.kz/verify/``: short enough to type from paper."""
    from django.urls import reverse

    return settings.SITE_URL.split("://", 1)[-1] + reverse("certificate_verify_form_root")


def qr_address(certificate: Certificate) -> str:
    """The verification address the QR code holds: in capitals, which QR codes store in
    their compact alphanumeric mode, so the code is smaller and easier to scan (host names
    and schemes ignore case, and ``/VERIFY/`` is routed like ``/verify/``). A site served
    under a sub-path keeps its address as it is."""
    parts = urlsplit(settings.SITE_URL)
    if parts.path.strip("/") or parts.query:
        return certificate.verify_url
    return f"{parts.scheme}://{parts.netloc}".upper() + f"/VERIFY/{certificate.grouped_code}/"


# The QR code's data mask. An encoder may use any of the eight (ISO/IEC 18004, 7.8); segno
# otherwise scores all eight on every code, which is four fifths of the code's cost. The
# verification addresses all have the same shape (scheme, host, ``/VERIFY/`` and a grouped
# code, in the alphanumeric mode), and mask 3 is the one segno's scoring picks most often.
QR_MASK = 3


def qr_data_uri(url: str) -> str:
    """A QR code of ``url`` as a one-pixel-per-module PNG; the stylesheet scales it up
    without smoothing. Far cheaper to lay out than the same code as SVG paths."""
    return str(
        segno.make(url, error="m", micro=False, mask=QR_MASK).png_data_uri(
            scale=1, border=2, dark="#1b1f23", light="#ffffff"
        )
    )


def document_html(certificate: Certificate) -> str:
    """The HTML WeasyPrint turns into the PDF."""
    snapshot = certificate.snapshot
    languages = [code for code in snapshot["languages"] if code in TEXT_LANGUAGES]
    issued_on = certificate.issued_at.astimezone(ALMATY).date()
    sides = []
    for language in languages:
        text = snapshot["texts"][language]
        sides.append(
            Side(
                language=language,
                title=text["title"],
                subtitle=text["subtitle"],
                paragraphs=_paragraphs(text["body"]),
                course=snapshot["course"]["titles"][language],
                provider=snapshot["providers"][language],
                hours=hours_text(snapshot["course"]["academic_hours"], language),
                completed=long_date(date.fromisoformat(snapshot["completed_on"]), language),
                issued=long_date(issued_on, language),
                valid_until=(
                    long_date(certificate.expires_on, language) if certificate.expires_on else ""
                ),
                labels=labels_in(language),
                positions=[s["positions"].get(language, "") for s in snapshot["signatories"]],
            )
        )
    primary = sides[0]
    second = sides[1] if len(sides) > 1 else None
    signatories = [
        {
            "name": signatory["name"],
            "signature": signatory["signature"],
            "positions": [side.positions[index] for side in sides if side.positions[index]],
        }
        for index, signatory in enumerate(snapshot["signatories"])
    ]
    person = snapshot["person"]
    level, foot = fit.choose(
        fit.texts_for(
            sides=sides,
            full_name=person["full_name"],
            full_name_alt=person["full_name_alt"],
            signatories=signatories,
            image=bool(snapshot.get("background")),
        )
    )
    context = {
        "fit": f"fit-{level.number} foot-fit-{foot.number}",
        "name_size": fit.name_class(person["full_name"]).replace("name_", "name--"),
        "primary": primary,
        "second": second,
        "sides": sides,
        "full_name": person["full_name"],
        "full_name_alt": person["full_name_alt"],
        "signatories": signatories,
        "code": codes.grouped(certificate.code),
        "verify_url": certificate.verify_url,
        # The address of the form where the printed code can be typed; the QR code holds
        # the certificate's own page.
        "verify_display": verify_form_address(),
        "qr": qr_data_uri(qr_address(certificate)),
        "logo": snapshot.get("logo", ""),
        "background": snapshot.get("background", ""),
        "created": certificate.issued_at.astimezone(ALMATY).isoformat(timespec="seconds"),
        "document_title": " ".join(
            [primary.title, codes.grouped(certificate.code), "—", person["full_name"]]
        ),
    }
    return render_to_string(TEMPLATE, context)


@lru_cache(maxsize=1)
def stylesheet() -> CSS:
    """The print stylesheet, parsed once per process."""
    css = render_to_string(STYLESHEET, {"fit_rules": fit.stylesheet_rules()})
    return CSS(
        string=css,
        base_url=settings.SITE_URL + "/",
        url_fetcher=LocalFileFetcher(),
        font_config=font_configuration(),
    )


# PDF/UA-1 identification, and the PDF/A extension schema that makes it legal in the
# metadata of a PDF/A-3 file (ISO 19005-3 allows only declared schemas).
_PDFUA_RDF = b"""<rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"><pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource"><pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema><pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI><pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource"><pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType><pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description></rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>"""  # noqa: E501


def declare_pdf_ua(document: Any, pdf: Any) -> None:
    """WeasyPrint finisher: add the PDF/UA-1 identification to the PDF/A metadata.

    WeasyPrint writes one variant's identification; the document is tagged (``pdf_tags``)
    with a title, a language and alternative texts, so it also meets PDF/UA-1, and says
    so here, inside the same ``rdf:RDF`` as the PDF/A identification.
    """
    reference = pdf.catalog["Metadata"]
    number = int(
        (reference.decode() if isinstance(reference, bytes) else str(reference)).split()[0]
    )
    stream = pdf.objects[number]
    data = b"".join(stream.stream)
    end = data.rindex(b"</rdf:RDF>")
    stream.stream = [data[:end] + _PDFUA_RDF + data[end:]]


def render_document(certificate: Certificate) -> bytes:
    """The PDF of ``certificate`` (saved or not), from its snapshot."""
    return render_pdf(
        document_html(certificate),
        strict=True,  # never a certificate without its emblem or a signature
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        stylesheets=[stylesheet()],
        finisher=declare_pdf_ua,
    )


# --- Preview and checks --------------------------------------------------------------------


def render_sample(template: CertificateTemplate, language: str) -> bytes:
    """The template filled in for a sample person and course, for the admin preview."""
    languages = template.languages_for(language)
    completed = timezone.localdate()
    sample = {
        "full_name": "Әйгерім Сейітқызы Нұрланова",
        "full_name_alt": "Aigerim Seiitqyzy Nurlanova",
        "hours": "8",
    }
    with translation.override(languages[0]):
        course_title = gettext("Sample course title")
        provider = gettext("Sample training organisation")
    values = {
        code: placeholder_values(
            language=code,
            full_name=sample["full_name"],
            full_name_alt=sample["full_name_alt"],
            course_title=course_title,
            hours=sample["hours"],
            completed_on=completed,
            provider=provider,
        )
        for code in languages
    }
    snapshot = {
        "languages": list(languages),
        "person": {"full_name": sample["full_name"], "full_name_alt": sample["full_name_alt"]},
        "course": {
            "titles": dict.fromkeys(languages, course_title),
            "academic_hours": sample["hours"],
        },
        "providers": dict.fromkeys(languages, provider),
        "completed_on": completed.isoformat(),
        **template_snapshot(
            template, design=template_design(template), languages=languages, values=values
        ),
    }
    certificate = Certificate(
        code="0" * codes.LENGTH,
        snapshot=snapshot,
        language="+".join(languages),
        issued_at=timezone.now(),
        expires_on=(
            years_later(completed, template.validity_years) if template.validity_years else None
        ),
    )
    return render_document(certificate)


def years_later(day: date, years: int) -> date:
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def uses_harfbuzz_subsetting() -> bool:
    """Whether WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset 4.1 or later).

    WeasyPrint 70 decides in ``weasyprint.pdf.fonts.Font.subset``: HarfBuzz when its
    ``harfbuzz_subset`` library was found and ``hb_version_atleast(4, 1, 0)``, otherwise
    fontTools, which is several times slower.
    """
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return bool(harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0))
