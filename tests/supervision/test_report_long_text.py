"""The visit report with long names: a school of 200 characters, people with names of
200 letters or without a space, long action points. Everything wraps inside the page
and nothing prints over anything else; ``pdftotext`` finds all of it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from people.models import School, User
from people.roles import Role
from supervision import services
from supervision.models import Visit
from tests.factories.supervision import add_point, make_visit, observe
from tests.pdf_layout import overlapping_words, pdf_pages

from .conftest import World

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

MM = 72 / 25.4
SCHOOL = (
    "Түркістан облысы Сарыағаш ауданындағы Әл-Фараби атындағы инклюзивті білім беру "
    "ресурстық орталығы бар жалпы білім беретін жалпы орта мектеп-гимназиясы және "
    "мектепке дейінгі шағын орталығы коммуналдық мемлекеттік мекемесі"
)[:200]
LEADER = (
    "Әсемгүл Ғұмарқызы Қоңыратбаева-Өмірһанұлы Нұрсұлтанқызы Үмітжан Іңкәрбекқызы "
    "Шәмшиябанұ Ұлықбекқызы Жаңылсын Ақтолқын Көркемқызы Тұрсынайқызы Бейбітшілікова "
    "Ерғалиқызы Дәуренбекқызы Айгүлжан Сәулебекқызы"
)[:200]
OBSERVED = ("Әйгерімғалымқызысейітоваөмірһанұлы" * 7)[:200]  # no space to break at


def squeezed(value: str) -> str:
    return "".join(value.split())


def test_a_report_with_long_names_wraps_them_on_the_page(
    client: Client, world: World, tmp_path: Path
) -> None:
    School.objects.filter(pk=world.school_a1.pk).update(
        name_kk=SCHOOL, name_ru=SCHOOL, name_en=SCHOOL
    )
    User.objects.filter(pk=world.leader_a1.pk).update(full_name=LEADER)
    User.objects.filter(pk=world.teacher_a1.pk).update(full_name=OBSERVED)
    world.leader_a1.refresh_from_db()
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=Visit.State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    add_point(visit, world.supervisor_a1, world.teacher_a1)
    services.visit_transition(
        actor=world.supervisor_a1, visit=visit, to_state=Visit.State.SUBMITTED
    )
    services.visit_transition(actor=world.leader_a1, visit=visit, to_state=Visit.State.ACKNOWLEDGED)
    client.force_login(world.leader_a1)
    response = client.get(f"/kk/supervision/visits/{visit.public_id}/report.pdf")
    assert response.status_code == 200
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)

    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for whole in (SCHOOL, LEADER, OBSERVED):
        assert squeezed(whole) in squeezed(text)
    for (width, height), words in pdf_pages(path):
        for word in words:
            assert word.x0 >= 10 * MM, word  # inside the page's margins, less a little
            assert word.x1 <= width - 10 * MM, word
            assert word.y1 <= height - 2 * MM, word
        assert overlapping_words(words) == []
