"""Public verification: anyone, without signing in, learns a certificate's status and
only what the certificate says; an unknown or malformed code reveals nothing; machines get
the same as JSON; one address cannot try codes in bulk."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from certificates import codes, services
from certificates.models import Certificate
from courses.models import Enrolment
from tests.factories.certificates import publish_template

from .conftest import World


@pytest.fixture
def certificate(world: World, finish: Any) -> Certificate:
    finish(world.tutor, world.course)
    return Certificate.objects.get()


def page(client: Client, path: str, status: int = 200, **extra: Any) -> str:
    response = client.get(path, **extra)
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/verify/{code}/",  # the QR target: no language prefix
        "/VERIFY/{code}/",  # as the QR code holds it
        "/kk/verify/{code}/",
        "/ru/verify/{code}/",
        "/en/verify/{code}/",
    ],
)
def test_a_valid_certificate_shows_its_status_and_what_it_says(
    client: Client, certificate: Certificate, world: World, path: str
) -> None:
    html = page(client, path.format(code=certificate.grouped_code))
    assert "verify-result--valid" in html
    assert "Әйгерім Ғалымқызы Сейітова" in html
    assert "Aigerim Galymqyzy Seiitova" in html
    assert "Supporting a child with autism" in html
    assert "Qamqorlyq programme" in html
    assert certificate.grouped_code in html
    assert str(certificate.completed_on.year) in html
    # Nothing more: no e-mail address, school, region or role.
    for private in (world.tutor.email, "School A", "Region A", "Tutor"):
        assert private not in html
    assert 'name="robots" content="noindex, nofollow"' in html


def test_the_code_may_be_typed_loosely(client: Client, certificate: Certificate) -> None:
    loose = certificate.code.lower()
    spaced = " ".join(certificate.code[i : i + 4] for i in range(0, 20, 4))
    for typed in (loose, spaced.replace(" ", "%20"), certificate.grouped_code.lower()):
        assert "verify-result--valid" in page(client, f"/en/verify/{typed}/")


def test_the_form_takes_a_typed_code_to_its_page(client: Client, certificate: Certificate) -> None:
    assert "Type the code printed on the certificate" in page(client, "/en/verify/")
    response = client.get("/en/verify/", {"code": f"  {certificate.code.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{certificate.grouped_code}/"
    assert "Not found" in page(client, "/en/verify/?code=nonsense", status=404)
    escaped = page(client, "/en/verify/?code=<script>alert(1)</script>", status=404)
    assert "<script>alert(1)" not in escaped
    assert "&lt;script&gt;alert(1)" in escaped
    assert "field__error" in page(client, "/en/verify/?code=")


@pytest.mark.parametrize(
    "code",
    [
        "0000-0000-0000-0000-0000",  # well formed, unknown
        "ABCD",  # too short
        "UUUU-UUUU-UUUU-UUUU-UUUU",  # U is not in the alphabet
        "<img src=x onerror=alert(1)>",
        "1' OR '1'='1",
    ],
)
def test_an_unknown_or_malformed_code_says_not_found_and_nothing_else(
    client: Client, certificate: Certificate, code: str
) -> None:
    html = page(client, f"/en/verify/{code}/", status=404)
    assert "Not found" in html
    assert "No certificate has this code" in html
    assert certificate.full_name not in html
    assert "<img src=x" not in html
    json = client.get(f"/verify/{code}.json")
    assert json.status_code == 404
    assert json.json() == {"status": "not_found"}


def test_an_expired_certificate_says_so(world: World, finish: Any, client: Client) -> None:
    publish_template(validity_years=1, courses=[world.course])
    enrolment = finish(world.tutor, world.course)
    Certificate.objects.all().delete()
    Enrolment.objects.filter(pk=enrolment.pk).update(
        completed_at=timezone.now() - timedelta(days=800)
    )
    certificate = services.certificate_issue(enrolment=Enrolment.objects.get(pk=enrolment.pk))
    assert certificate.display_status == "expired"
    html = page(client, certificate.verify_path)
    assert "verify-result--expired" in html
    assert "This certificate expired on" in html
    assert client.get(f"/verify/{certificate.grouped_code}.json").json()["status"] == "expired"


def test_a_revoked_certificate_says_so_with_the_date(
    client: Client, certificate: Certificate, world: World
) -> None:
    services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Fraud")
    html = page(client, certificate.verify_path)
    assert "verify-result--revoked" in html
    assert "This certificate was revoked on" in html
    assert str(timezone.localdate().year) in html
    assert "Fraud" not in html  # the reason is for the person and the programme, not the public
    data = client.get(f"/verify/{certificate.grouped_code}.json").json()
    assert data["status"] == "revoked"
    assert data["revoked_on"] == timezone.localdate().isoformat()


def test_a_superseded_certificate_points_to_its_replacement(
    client: Client, certificate: Certificate, world: World
) -> None:
    replacement = services.certificate_reissue(
        actor=world.manager, certificate=certificate, reason="Name corrected"
    )
    html = page(client, certificate.verify_path)
    assert "verify-result--superseded" in html
    assert f'href="/verify/{replacement.grouped_code}/"' in html
    assert "verify-result--valid" in page(client, replacement.verify_path)
    data = client.get(f"/verify/{certificate.grouped_code}.json").json()
    assert data["status"] == "superseded"
    assert data["replaced_by"]["code"] == replacement.grouped_code


def test_the_json_form_for_machines(client: Client, certificate: Certificate) -> None:
    for path in (f"/verify/{certificate.grouped_code}.json", f"/verify/{certificate.code}.json"):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json() == {
            "status": "valid",
            "code": certificate.grouped_code,
            "name": "Әйгерім Ғалымқызы Сейітова",
            "name_alt": "Aigerim Galymqyzy Seiitova",
            "course": {"kk": "Supporting a child with autism"},
            "academic_hours": "8",
            "completed_on": certificate.completed_on.isoformat(),
            "issuer": {"kk": "Qamqorlyq programme"},
            "valid_until": None,
            "revoked_on": None,
            "replaced_by": None,
            "url": f"http://testserver/verify/{certificate.grouped_code}/",
        }


UNKNOWN = "/en/verify/0000-0000-0000-0000-0000/"


def test_unknown_codes_are_rate_limited_per_address(
    client: Client, certificate: Certificate, settings: Any
) -> None:
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 3
    for _attempt in range(3):
        page(client, UNKNOWN, status=404)
    limited = client.get(UNKNOWN)
    assert limited.status_code == 429
    assert "Too many checks" in limited.content.decode()
    assert 0 < int(limited["Retry-After"]) <= 60
    # Over the limit, a code that matches waits too: a hit looks like a miss.
    assert client.get(certificate.verify_path).status_code == 429
    assert client.get(f"/verify/{certificate.grouped_code}.json").status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.get(certificate.verify_path).status_code == 200


def test_a_whole_school_checking_real_certificates_from_one_address_is_never_stopped(
    client: Client, certificate: Certificate, settings: Any
) -> None:
    """Sixty checks of real codes within a minute from one address all answer; the
    unknown-code budget is still whole afterwards."""
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 3
    for _attempt in range(60):
        page(client, certificate.verify_path)
    for _attempt in range(3):
        page(client, UNKNOWN, status=404)
    assert client.get(UNKNOWN).status_code == 429


def test_codes_are_unguessable_readable_and_tolerant() -> None:
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000
    assert codes.BITS >= 80
    assert all(len(code) == 20 and set(code) <= set(codes.ALPHABET) for code in made)
    assert not set("ILOU") & set(codes.ALPHABET)
    code = "7KQ2MXW9PD4R0HZCVB3T"
    assert codes.grouped(code) == "7KQ2-MXW9-PD4R-0HZC-VB3T"
    assert codes.normalise("7kq2 mxw9-pd4r–0hzc vb3t") == code
    assert codes.normalise("7KQ2-MXW9-PD4R-OHZC-VB3T") == code  # O read as 0
    assert codes.normalise("ll11-1111-1111-1111-1111") == "1" * 20  # I and L read as 1
    assert codes.normalise("7КQ2-МХW9-РD4R-0НZС-VВ3Т") == code.replace("H", "H")  # Cyrillic
    for bad in ("", "7KQ2", "7KQ2-MXW9-PD4R-0HZC-VB3U", "7KQ2-MXW9-PD4R-0HZC-VB3T-AAAA", "x" * 100):
        assert codes.normalise(bad) is None


def test_behind_a_trusted_proxy_each_visitor_is_counted(
    client: Client, certificate: Certificate, settings: Any
) -> None:
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 2
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _attempt in range(2):
        page(client, UNKNOWN, status=404, headers={"x-forwarded-for": "198.51.100.1"})
    blocked = client.get(certificate.verify_path, headers={"x-forwarded-for": "198.51.100.1"})
    assert blocked.status_code == 429
    other = client.get(certificate.verify_path, headers={"x-forwarded-for": "198.51.100.2"})
    assert other.status_code == 200
