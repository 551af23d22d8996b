"""The learner's certificates and downloads, and who may see whose: the owner, and
programme staff whose scope includes the person. Someone else's certificate is a 404."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client

from certificates import services
from certificates.models import Certificate
from courses.services import enrolment_create
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, grant

from .conftest import World


@pytest.fixture
def certificate(world: World, finish: Any) -> Certificate:
    finish(world.tutor, world.course)
    return Certificate.objects.get()


def download(client: Client, certificate: Certificate) -> Any:
    return client.get(f"/en/certificates/{certificate.grouped_code}/download/")


def test_my_certificates_lists_downloads_and_links_to_verification(
    world: World, certificate: Certificate, client: Client
) -> None:
    client.force_login(world.tutor)
    html = client.get("/en/certificates/").content.decode()
    assert certificate.grouped_code in html
    assert f'href="/en/certificates/{certificate.grouped_code}/download/"' in html
    assert f'href="/verify/{certificate.grouped_code}/"' in html
    response = download(client, certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"certificate-{certificate.grouped_code}.pdf" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == certificate.pdf_sha256  # exactly as stored
    assert response["ETag"] == f'"{certificate.pdf_sha256}"'


def test_someone_elses_certificate_is_not_found(
    world: World, certificate: Certificate, client: Client
) -> None:
    for outsider in (world.tutor_b, world.teacher, world.coordinator_b):
        client.force_login(outsider)
        assert download(client, certificate).status_code == 404
        assert client.get(f"/en/certificates/{certificate.grouped_code}/").status_code == 404
        assert (
            client.get(
                f"/en/certificates/enrolments/{certificate.enrolment.public_id}/"
            ).status_code
            == 404
        )
    client.logout()
    response = download(client, certificate)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_programme_staff_in_scope_see_and_download(
    world: World, certificate: Certificate, client: Client
) -> None:
    supervisor = UserFactory()
    grant(supervisor, Role.SUPERVISOR, school=world.school_a)
    other_supervisor = UserFactory()
    grant(other_supervisor, Role.SUPERVISOR, school=SchoolFactory(region=world.region_b))
    leader = UserFactory()
    grant(leader, Role.SCHOOL_LEADER, school=world.school_a)
    for staff, status in (
        (world.manager, 200),
        (world.coordinator_a, 200),
        (supervisor, 200),
        (world.trainer, 200),
        (other_supervisor, 404),
        (leader, 404),  # a school leader is not programme staff
    ):
        client.force_login(staff)
        assert download(client, certificate).status_code == status, staff


def test_the_enrolment_link_leads_to_the_certificate_or_to_a_page_that_waits(
    world: World, finish: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    enrolment = finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    client.force_login(world.tutor)
    response = client.get(f"/en/certificates/enrolments/{enrolment.public_id}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/certificates/{certificate.grouped_code}/"

    # The certificate is not there yet (its task is still queued, or was lost):
    Certificate.objects.all().delete()
    cache.clear()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        waiting = client.get(f"/en/certificates/enrolments/{enrolment.public_id}/")
    assert waiting.status_code == 200
    html = waiting.content.decode()
    assert "Your certificate is being prepared" in html
    assert '<meta http-equiv="refresh" content="5">' in html
    assert len(queued) == 1  # and asks for it again
    queued[0]()
    assert Certificate.objects.filter(enrolment=enrolment).exists()


def test_the_enrolment_link_is_not_found_before_completion(world: World, client: Client) -> None:
    enrolment = enrolment_create(actor=world.tutor, person=world.tutor, course=world.course)
    client.force_login(world.tutor)
    assert client.get(f"/en/certificates/enrolments/{enrolment.public_id}/").status_code == 404


def test_the_course_page_and_my_learning_link_to_the_certificate(
    world: World, finish: Any, client: Client
) -> None:
    enrolment = finish(world.tutor, world.course)
    client.force_login(world.tutor)
    link = f'href="/en/certificates/enrolments/{enrolment.public_id}/"'
    assert link in client.get("/en/learning/").content.decode()
    course_page_html = client.get(world.course.url).content.decode()  # written in Kazakh
    assert f'href="/kk/certificates/enrolments/{enrolment.public_id}/"' in course_page_html


def test_the_register_is_scoped_and_searchable(
    world: World, finish: Any, client: Client, django_assert_max_num_queries: Any
) -> None:
    finish(world.tutor, world.course)
    finish(world.tutor_b, world.course)
    client.force_login(world.manager)
    with django_assert_max_num_queries(25):
        html = client.get("/en/certificates/register/").content.decode()
    assert "Әйгерім Ғалымқызы Сейітова" in html
    assert "Бауыржан Нұрланов" in html
    found = client.get("/en/certificates/register/", {"q": "Сейітова"}).content.decode()
    assert "Бауыржан" not in found
    code = Certificate.objects.get(person=world.tutor_b).code.lower()
    assert "Бауыржан" in client.get("/en/certificates/register/", {"q": code}).content.decode()
    export = client.get("/en/certificates/register/", {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    assert "Әйгерім" in export.content.decode("utf-8-sig")
    filtered = client.get("/en/certificates/register/", {"export": "csv", "status": "valid"})
    assert 'filename="certificates-valid.csv"' in filtered["Content-Disposition"]
    assert filtered.content.decode("utf-8-sig").splitlines()[:2] == ["Status,Valid", ""]

    client.force_login(world.coordinator_a)
    html = client.get("/en/certificates/register/").content.decode()
    assert "Әйгерім" in html
    assert "Бауыржан" not in html
    assert "Bulk issue and repair" not in html

    client.force_login(world.tutor)
    assert client.get("/en/certificates/register/").status_code == 403


def test_listing_pages_keep_their_query_count(
    world: World, finish: Any, client: Client, django_assert_max_num_queries: Any
) -> None:
    from tests.factories.courses import course_page

    for number in range(4):
        finish(world.tutor, course_page(f"Course {number}", modules=1))
    client.force_login(world.tutor)
    with django_assert_max_num_queries(15):
        assert client.get("/en/certificates/").status_code == 200
    client.force_login(world.manager)
    with django_assert_max_num_queries(25):
        assert client.get("/en/certificates/register/").status_code == 200


def test_home_and_navigation_offer_certificates_by_role(world: World, client: Client) -> None:
    client.force_login(world.tutor)
    home = client.get("/en/").content.decode()
    assert 'href="/en/certificates/"' in home
    assert 'href="/en/verify/"' in home
    assert "Certificate register" not in home
    client.force_login(world.manager)
    home = client.get("/en/").content.decode()
    assert 'href="/en/certificates/register/"' in home
    assert 'href="/en/certificates/jobs/"' in home


def test_a_revoked_certificate_stays_visible_to_its_owner_but_not_downloadable_from_the_list(
    world: World, certificate: Certificate, client: Client
) -> None:
    services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Error")
    client.force_login(world.tutor)
    html = client.get("/en/certificates/").content.decode()
    assert "cert-status--revoked" in html
    assert f"/en/certificates/{certificate.grouped_code}/download/" not in html
    detail = client.get(f"/en/certificates/{certificate.grouped_code}/").content.decode()
    assert "This certificate was revoked on" in detail


def test_a_stored_pdf_that_no_longer_matches_its_sha256_is_never_handed_out(
    world: World, certificate: Certificate, client: Client
) -> None:
    storage = services.private_storage()
    original = storage.open(certificate.pdf_name, "rb").read()
    storage.delete(certificate.pdf_name)
    storage.save(certificate.pdf_name, ContentFile(original.replace(b"%%EOF", b"%%EOF ")))
    client.force_login(world.tutor)
    response = download(client, certificate)
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"%PDF" not in response.content


def test_a_stored_pdf_that_is_missing_is_an_error_not_an_empty_download(
    world: World, certificate: Certificate, client: Client
) -> None:
    services.private_storage().delete(certificate.pdf_name)
    client.force_login(world.tutor)
    assert download(client, certificate).status_code == 500
