"""A name of 200 letters, a course title of 250 characters, a name without a space in
it, a bilingual text and three signatories with long positions: the certificate stays
one page, nothing runs off it or prints over anything else, and ``pdftotext`` finds
every word."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from certificates import fit, services
from certificates import pdf as certificate_pdf
from certificates.models import Certificate
from people.models import User
from tests.factories.certificates import pdf_info, publish_template
from tests.pdf_layout import overlapping_words, pdf_words

from .conftest import World

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="needs poppler-utils"
)

MM = 72 / 25.4
# 200 letters with every Kazakh letter, in words as a long name has them.
LONG_NAME = (
    "Әсемгүл Ғұмарқызы Қоңыратбаева-Өмірһанұлы Нұрсұлтанқызы Үмітжан Іңкәрбекқызы "
    "Шәмшиябанұ Ұлықбекқызы Жаңылсын Ақтолқын Көркемқызы Тұрсынайқызы Бейбітшілікова "
    "Ерғалиқызы Дәуренбекқызы Айгүлжан Сәулебекқызы"
)[:200]
LONG_WORD = ("Әйгерімғалымқызысейітоваөмірһанұлы" * 7)[:200]  # no space to break at
LONG_TITLE = (
    "Инклюзивті білім беру жағдайында ерекше білім беру қажеттіліктері бар балаларды "
    "қолдау: тьютордың, мұғалімнің және арнайы педагогтің бірлескен жұмысы, сабақты "
    "бейімдеу, мінез-құлықты қолдау, отбасымен серіктестік және мектептегі инклюзивті "
    "мәдениеті мен тәрбиесі"
)[:250]


def saved_pdf(certificate: Certificate, tmp_path: Path) -> Path:
    path = tmp_path / f"{certificate.code}.pdf"
    with services.private_storage().open(certificate.pdf_name, "rb") as handle:
        path.write_bytes(handle.read())
    return path


def reading_order_text(path: Path) -> str:
    """The text as ``pdftotext`` reads it, column by column (the foot has three)."""
    import subprocess

    return subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def squeezed(value: str) -> str:
    return "".join(value.split())


def assert_laid_out(path: Path, *texts: str) -> None:
    """One page; every text found whole; no word off the page or over another word."""
    assert "Pages:           1" in pdf_info(path)
    found = squeezed(reading_order_text(path))
    for text in texts:
        assert squeezed(text) in found
    (page_width, page_height), words = pdf_words(path)
    frame = 8 * MM  # the page's margin: inside it is the printed frame
    for word in words:
        assert frame <= word.x0, word
        assert word.x1 <= page_width - frame, word
        assert frame <= word.y0, word
        assert word.y1 <= page_height - frame, word
    assert overlapping_words(words) == []


def named(person: User, full_name: str, full_name_alt: str = "") -> User:
    person.full_name = full_name
    person.full_name_alt = full_name_alt
    person.full_clean()
    person.save()
    return person


def test_a_200_letter_name_and_a_250_character_title_fit_and_are_found(
    world: World, finish: Any, tmp_path: Path
) -> None:
    assert len(LONG_NAME) == 200
    assert len(LONG_TITLE) == 250
    named(world.tutor, LONG_NAME, LONG_NAME)
    world.course.title = LONG_TITLE
    world.course.save_revision().publish()
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert certificate.full_name == LONG_NAME
    assert_laid_out(saved_pdf(certificate, tmp_path), LONG_NAME, LONG_TITLE)


def test_a_name_and_a_title_without_a_space_break_inside_the_word(
    world: World, finish: Any, tmp_path: Path
) -> None:
    named(world.tutor, LONG_WORD)
    world.course.title = ("Инклюзивтібілімберужағдайында" * 9)[:250]
    world.course.save_revision().publish()
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert_laid_out(saved_pdf(certificate, tmp_path), LONG_WORD, world.course.title)


def test_a_bilingual_certificate_with_three_long_signatories_keeps_to_one_page(
    world: World, finish: Any, tmp_path: Path
) -> None:
    position = ("Бағдарлама директоры және оқу-әдістемелік орталықтың басшысы, " * 4)[:200]
    publish_template(
        language="kk+ru",
        validity_years=5,
        courses=[world.course],
        title_en="",
        body_en="",
        subtitle_kk="Біліктілікті арттыру курсы туралы",
        subtitle_ru="О прохождении курса повышения квалификации",
        signatories=[
            {
                "name": ("Дана Оразбекова-Сейітқызы " * 5)[:120],
                "position_kk": position,
                "position_ru": ("Директор программы и руководитель учебного центра, " * 4)[:200],
            }
            for _ in range(3)
        ],
    )
    named(world.tutor, LONG_NAME, LONG_NAME)
    world.course.title = LONG_TITLE
    world.course.save_revision().publish()
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert_laid_out(saved_pdf(certificate, tmp_path), LONG_NAME, LONG_TITLE, position)


def test_an_ordinary_certificate_keeps_the_design_as_drawn(
    world: World, finish: Any, tmp_path: Path
) -> None:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    path = saved_pdf(certificate, tmp_path)
    assert_laid_out(path, "Әйгерім Ғалымқызы Сейітова", "Supporting a child with autism")
    html = certificate_pdf.document_html(certificate)
    assert "fit-0 foot-fit-0" in html
    _page, words = pdf_words(path)
    name = next(word for word in words if word.text == "Әйгерім")
    assert name.y1 - name.y0 > 30 * 1.3  # the name at its full 30 points


def test_the_sizes_measured_are_the_sizes_printed() -> None:
    css = fit.stylesheet_rules()
    for level in fit.LADDER[1:]:
        one, two = level.sizes["name"]
        assert f".fit-{level.number} .name {{ font-size: {one}pt; }}" in css
        assert f".sheet--two.fit-{level.number} .name {{ font-size: {two}pt; }}" in css
    assert [level.sizes["body"][0] for level in fit.LADDER] == sorted(
        (level.sizes["body"][0] for level in fit.LADDER), reverse=True
    )


def test_a_name_stored_before_the_rule_prints_without_its_bidi_control(
    world: World, finish: Any, tmp_path: Path
) -> None:
    User.objects.filter(pk=world.tutor.pk).update(full_name="Әйгерім \u202eавотіеС")
    world.tutor.refresh_from_db()
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert certificate.full_name == "Әйгерім авотіеС"
    assert "\u202e" not in str(certificate.snapshot)
