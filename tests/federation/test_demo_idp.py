"""``manage.py demo_idp`` sets up the demo provider and registers it in the product."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from demo.idp import paths
from federation.models import IdentityProvider
from tests.factories import SchoolFactory

pytestmark = [pytest.mark.sso, pytest.mark.django_db]


def test_the_demo_provider_is_set_up_and_registered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "DIR", tmp_path)
    monkeypatch.setattr(paths, "PEOPLE_FILE", tmp_path / "people.json")
    school = SchoolFactory(code="aa-demo-school")
    call_command("demo_idp", "--no-serve", "--port", "8783")
    call_command("demo_idp", "--no-serve", "--port", "8783")  # repeat-safe
    provider = IdentityProvider.objects.get(slug="demo-ministry")
    assert provider.issuer == "http://127.0.0.1:8783"
    assert sorted(provider.rules.values_list("role", flat=True)) == ["methodologist", "teacher"]
    people = json.loads((tmp_path / "people.json").read_text(encoding="utf-8"))
    assert {person["school_code"] for person in people} == {school.code}
    assert (tmp_path / "key.pem").exists()
    assert (tmp_path / "idp.sqlite3").exists()
