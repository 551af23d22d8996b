"""Dates and numbers read one way in each language: Kazakh has its own formats (Django
ships none), lowercase month names and the decimal comma; generated Russian phrases do not
put a school's name where Russian would decline it."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format, localize

from supervision.models import Visit

DAY = datetime.date(2026, 12, 3)


def test_kazakh_dates_have_one_style_with_lowercase_months() -> None:
    with translation.override("kk"):
        assert date_format(DAY, "j E Y") == "3 желтоқсан 2026"
        assert date_format(DAY) == "3 желтоқсан 2026"  # the default matches the pages
        assert date_format(DAY, "SHORT_DATE_FORMAT") == "03.12.2026"


def test_kazakh_numbers_use_the_decimal_comma_like_russian() -> None:
    template = Template('{{ value|floatformat:1 }} {{ hours|floatformat:"-1" }}')
    for language in ("kk", "ru"):
        with translation.override(language):
            rendered = template.render(Context({"value": 3.5, "hours": Decimal("8.5")}))
            assert rendered == "3,5 8,5"
            assert localize(Decimal("2.5")) == "2,5"
    with translation.override("en"):
        assert localize(Decimal("2.5")) == "2.5"


@pytest.mark.django_db
def test_a_visit_is_named_with_the_date_as_pages_write_it() -> None:
    from tests.factories import SchoolFactory
    from tests.factories.supervision import make_year

    school = SchoolFactory(name_ru="Школа № 41", name_kk="№ 41 мектеп", name_en="School No. 41")
    visit = Visit(year=make_year(school, []), school=school, planned_on=DAY)
    with translation.override("ru"):
        # "Визит в Школа № 41" would need the name declined: a colon needs nothing.
        assert str(visit) == "Визит: Школа № 41, 3 декабря 2026"
    with translation.override("kk"):
        assert "3 желтоқсан 2026" in str(visit)
