"""Course pages found from a remembered route: the same page, fewer queries, and never a
page that has been unpublished, moved or renamed since."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def learner_client(client: Client) -> Client:
    person = UserFactory()
    grant(person, Role.TUTOR, school=SchoolFactory())
    client.force_login(person)
    return client


def get(client: Client, url: str) -> tuple[Any, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_module_page_is_the_same_page_with_fewer_queries(learner_client: Client) -> None:
    course = course_page("Routes", modules=0)
    module = module_page(course, "Visual timetables")

    first, first_queries = get(learner_client, module.url)
    second, second_queries = get(learner_client, module.url)

    assert first.status_code == second.status_code == 200
    assert "Visual timetables" in second.content.decode()
    assert second.context["page"].pk == module.pk
    # Site, root in the reading language, and two queries per level of the address.
    assert second_queries <= first_queries - 5


def test_course_and_catalogue_pages_are_remembered_too(learner_client: Client) -> None:
    course = course_page("Remembered course", modules=1)
    for url in (course.url, "/kk/courses/"):
        _first, first_queries = get(learner_client, url)
        second, second_queries = get(learner_client, url)
        assert second.status_code == 200
        assert second_queries < first_queries


def test_an_unpublished_module_is_not_served_from_memory(learner_client: Client) -> None:
    course = course_page("Unpublished", modules=0)
    module = module_page(course, "Soon gone")
    url = module.url
    assert learner_client.get(url).status_code == 200

    module.unpublish()

    assert learner_client.get(url).status_code == 404


def test_a_renamed_module_is_found_at_its_new_address_only(learner_client: Client) -> None:
    course = course_page("Renamed", modules=0)
    module = module_page(course, "Old name")
    old_url = module.url
    assert learner_client.get(old_url).status_code == 200

    module.slug = "new-name"
    module.save_revision().publish()
    module.refresh_from_db()

    assert learner_client.get(old_url).status_code == 404
    response = learner_client.get(module.url)
    assert response.status_code == 200
    assert response.context["page"].pk == module.pk


def test_changing_a_site_forgets_every_route(learner_client: Client) -> None:
    course = course_page("Sites", modules=0)
    module = module_page(course, "Any module")
    get(learner_client, module.url)
    _second, remembered_queries = get(learner_client, module.url)

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed site"
    site.save()

    response, queries = get(learner_client, module.url)
    assert response.status_code == 200
    assert queries > remembered_queries
