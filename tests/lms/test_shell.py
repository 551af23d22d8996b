"""The shell: settings that refuse unsafe production, tasks after commit, home and errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from core.mail import send_templated_email
from core.tasks import send_task_after_commit
from people.roles import Role
from tests.factories import UserFactory, activate_totp, grant

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-real-production-key-with-plenty-of-entropy-7f3a9c1e5b2d8f4a6c0e",
    "DJANGO_ALLOWED_HOSTS": "lms.example.org",
    "SITE_URL": "https://lms.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_the_development_secret_key() -> None:
    result = manage("check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="lms.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is the development key" in result.stderr


def test_production_settings_pass_the_deploy_check_without_warnings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_tasks_are_sent_only_after_commit(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_task_after_commit(
            "core.email_send", to="a@example.org", subject="Hi", text="Body", html=""
        )
        assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [m.subject for m in mail.outbox] == ["Hi"]


def test_templated_email_is_rendered_in_the_recipients_language(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory(full_name="Асқар Омаров")
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            "invitation",
            to=person.email,
            language="ru",
            context={
                "person": person,
                "inviter": person,
                "link": "https://lms.example.org/ru/invitations/x/",
                "expires_at": person.date_joined,
            },
        )
    message = mail.outbox[0]
    assert message.subject == "Приглашение в Qamqor LMS"
    assert "Здравствуйте, Асқар Омаров!" in message.body
    assert message.alternatives[0][1] == "text/html"


class TestHome:
    def test_anonymous_visitors_see_the_landing_page(self, client: Client, db: None) -> None:
        body = client.get("/kk/").content.decode()
        assert '<html lang="kk">' in body
        assert "Кіру" in body

    def test_a_learner_sees_their_roles_and_account_links_only(
        self, client: Client, db: None
    ) -> None:
        from tests.factories import SchoolFactory

        person = UserFactory()
        grant(person, Role.TEACHER, school=SchoolFactory(name_en="Gymnasium 7"))
        client.force_login(person)
        body = client.get("/en/").content.decode()
        assert "Teacher · Gymnasium 7" in body
        assert "Your details" in body
        assert "Add a person" not in body
        assert "/admin/" not in body

    def test_a_coordinator_is_offered_people_and_adding_people(
        self, client: Client, db: None
    ) -> None:
        from tests.factories import RegionFactory

        person = UserFactory()
        grant(person, Role.REGIONAL_COORDINATOR, region=RegionFactory())
        activate_totp(person)
        client.force_login(person)
        body = client.get("/en/").content.decode()
        assert "Add a person" in body
        assert 'href="/en/people/"' in body

    def test_a_trainer_is_offered_the_administration(self, client: Client, db: None) -> None:
        person = UserFactory()
        grant(person, Role.TRAINER)
        activate_totp(person)
        client.force_login(person)
        assert 'href="/admin/"' in client.get("/en/").content.decode()


def test_health_check(client: Client, db: None) -> None:
    assert client.get("/healthz/").json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("language", "text"),
    [("kk", "Бет табылмады"), ("ru", "Страница не найдена"), ("en", "Page not found")],
)
def test_not_found_page_is_translated(client: Client, db: None, language: str, text: str) -> None:
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_every_scheduled_task_is_registered(settings: Any) -> None:
    """Beat sends tasks by name: a typo there would be lost silently in the worker."""
    from lms.celery import app

    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled <= set(app.tasks)
    assert "programmes.refresh_all" in scheduled
