"""Scheduled reports: subscribing, when each is due, each period sent once, in the
recipient's language with XLSX and PDF, the one-click unsubscribe, and scoping."""

from __future__ import annotations

import io
import uuid
from datetime import date, timedelta
from typing import Any

import pikepdf
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from people.roles import Role
from programmes import services
from programmes.models import Programme, ReportRun, ReportSubscription, TrainedRule
from programmes.services import scheduled_reports
from programmes.services.scheduled_reports import period_start
from tests.factories import RegionFactory, SchoolFactory, UserFactory, activate_totp, grant

pytestmark = pytest.mark.django_db


class World:
    def __init__(self) -> None:
        self.region_a = RegionFactory(code="region-a", name_en="Region A", name_ru="Регион А")
        self.region_b = RegionFactory(code="region-b", name_en="Region B", name_ru="Регион Б")
        self.a1 = SchoolFactory(region=self.region_a, code="a1", name_en="School A1")
        self.b1 = SchoolFactory(region=self.region_b, code="b1", name_en="School B1")
        self.programme = Programme.objects.create(
            code="iesr",
            name_kk="Бағдарлама",
            name_ru="Программа",
            name_en="Programme",
            starts_on=timezone.localdate() - timedelta(days=60),
            ends_on=timezone.localdate() + timedelta(days=200),
        )
        self.programme.regions.add(self.region_a, self.region_b)
        self.programme.save()
        TrainedRule.objects.create(programme=self.programme, role="teacher")
        for school in (self.a1, self.b1):
            grant(UserFactory(), "teacher", school=school)
        services.statuses_refresh(programme=self.programme)
        self.manager = UserFactory()
        grant(self.manager, Role.PROGRAMME_MANAGER)
        self.coordinator_a = UserFactory()
        grant(self.coordinator_a, Role.REGIONAL_COORDINATOR, region=self.region_a)
        self.coordinator_b = UserFactory()
        grant(self.coordinator_b, Role.REGIONAL_COORDINATOR, region=self.region_b)

    def subscribe(self, **kwargs: Any) -> ReportSubscription:
        values: dict[str, Any] = {
            "actor": self.manager,
            "programme": self.programme,
            "region": None,
            "recipient_name": "Aigerim Funder",
            "recipient_email": "funder@example.org",
            "language": "ru",
            "frequency": "weekly",
            **kwargs,
        }
        return scheduled_reports.report_subscription_add(**values)


@pytest.fixture
def world() -> World:
    return World()


def send_due(capture: Any, today: date | None = None) -> int:
    with capture(execute=True):
        return scheduled_reports.report_runs_due(today=today)


# --- Subscribing --------------------------------------------------------------------------------


def test_subscribing_records_who_what_and_how_often(world: World) -> None:
    subscription = world.subscribe()
    assert subscription.active
    assert subscription.created_by == world.manager
    assert subscription.unsubscribe_token != subscription.public_id


def test_the_same_address_twice_is_refused_with_a_clear_error(world: World) -> None:
    world.subscribe()
    with pytest.raises(ValidationError) as raised:
        world.subscribe(recipient_email="FUNDER@example.org")
    assert "already receives this report" in str(raised.value.message_dict["recipient_email"])
    # Monthly, or once stopped, the same address may be added.
    world.subscribe(frequency="monthly")


def test_a_bad_address_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as raised:
        world.subscribe(recipient_email="not-an-address")
    assert "recipient_email" in raised.value.message_dict


def test_a_coordinator_subscribes_only_to_their_own_region(world: World) -> None:
    world.subscribe(actor=world.coordinator_a, region=world.region_a)
    with pytest.raises(ValidationError):
        world.subscribe(actor=world.coordinator_a, region=world.region_b)
    with pytest.raises(ValidationError):
        world.subscribe(actor=world.coordinator_a, region=None)
    supervisor = UserFactory()
    grant(supervisor, Role.SUPERVISOR, school=world.a1)
    with pytest.raises(PermissionDenied):
        world.subscribe(actor=supervisor, region=world.region_a)


# --- When a report is due -----------------------------------------------------------------------


def test_periods_start_on_monday_or_the_first_of_the_month() -> None:
    thursday = date(2026, 12, 3)
    assert period_start("weekly", thursday) == date(2026, 11, 30)
    assert period_start("weekly", date(2026, 11, 30)) == date(2026, 11, 30)
    assert period_start("monthly", thursday) == date(2026, 12, 1)
    assert period_start("monthly", date(2027, 1, 1)) == date(2027, 1, 1)


def test_weekly_goes_each_week_and_monthly_each_month(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    world.subscribe(frequency="weekly")
    world.subscribe(frequency="monthly", recipient_email="ministry@example.org", language="kk")
    capture = django_capture_on_commit_callbacks
    assert send_due(capture, date(2026, 12, 3)) == 2
    assert send_due(capture, date(2026, 12, 6)) == 0  # same week, same month
    assert send_due(capture, date(2026, 12, 7)) == 1  # a new week only
    assert send_due(capture, date(2027, 1, 1)) == 2  # a new week and a new month
    assert len(mail.outbox) == 5
    periods = sorted(ReportRun.objects.values_list("period_start", flat=True))
    assert date(2026, 12, 1) in periods
    assert date(2027, 1, 1) in periods


def test_a_period_is_sent_once_even_when_run_twice(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    world.subscribe()
    capture = django_capture_on_commit_callbacks
    send_due(capture, date(2026, 12, 3))
    send_due(capture, date(2026, 12, 3))
    run = ReportRun.objects.get()
    # A worker that retries the sending, or receives it twice, sends nothing more.
    assert scheduled_reports.report_run_send(run_id=run.pk) is False
    assert len(mail.outbox) == 1
    assert ReportRun.objects.get().sent_at is not None


def test_a_stalled_run_is_sent_later_and_still_once(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    subscription = world.subscribe()
    run = ReportRun.objects.create(subscription=subscription, period_start=date(2026, 11, 30))
    ReportRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(hours=2))
    capture = django_capture_on_commit_callbacks
    send_due(capture, date(2026, 12, 3))
    send_due(capture, date(2026, 12, 3))
    assert len(mail.outbox) == 1
    assert ReportRun.objects.get().sent_at is not None


# --- The e-mail ---------------------------------------------------------------------------------


def test_the_report_is_in_the_recipients_language_with_xlsx_and_pdf(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    subscription = world.subscribe(language="ru")
    with translation.override("en"):
        send_due(django_capture_on_commit_callbacks, date(2026, 12, 3))
    [message] = mail.outbox
    assert message.to == ["funder@example.org"]
    assert "Программа" in message.subject
    assert "Aigerim Funder" in message.body
    assert "Вы получаете этот отчёт каждую неделю." in message.body
    names = [name for name, _content, _type in message.attachments]
    assert names == ["iesr-indicators-2026-11-30.xlsx", "iesr-indicators-2026-11-30.pdf"]
    sheet = load_workbook(io.BytesIO(message.attachments[0][1])).active
    assert sheet["A1"].value == "Регион или школа"
    first_column = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert "Регион А" in first_column
    assert "Регион Б" in first_column
    pdf = message.attachments[1][1]
    assert pdf.startswith(b"%PDF")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == "ru"
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert str(subscription.unsubscribe_token) in unsubscribe
    assert "/ru/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert str(subscription.unsubscribe_token) in message.body


def test_a_region_subscription_reports_that_region_only(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    world.subscribe(actor=world.coordinator_a, region=world.region_a, language="en")
    send_due(django_capture_on_commit_callbacks, date(2026, 12, 3))
    [message] = mail.outbox
    assert message.attachments[0][0] == "iesr-region-a-indicators-2026-11-30.xlsx"
    sheet = load_workbook(io.BytesIO(message.attachments[0][1])).active
    first_column = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert "Region A" in first_column
    assert "Region B" not in first_column
    assert not any("B1" in str(name) for name in first_column)


def test_a_stopped_subscription_sends_nothing(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    subscription = world.subscribe()
    assert scheduled_reports.report_subscription_stop(
        actor=world.manager, subscription=subscription
    )
    send_due(django_capture_on_commit_callbacks, date(2026, 12, 3))
    assert mail.outbox == []


# --- Unsubscribing ------------------------------------------------------------------------------


def test_unsubscribe_asks_first_then_stops(world: World, client: Client) -> None:
    subscription = world.subscribe()
    url = reverse("report_unsubscribe", kwargs={"token": subscription.unsubscribe_token})
    page = client.get(url)
    assert page.status_code == 200
    assert b'<form method="post"' in page.content
    subscription.refresh_from_db()
    assert subscription.active  # a link checker that opens the link stops nothing
    done = client.post(url)
    assert done.status_code == 200
    assert "will receive no more" in done.content.decode()
    subscription.refresh_from_db()
    assert not subscription.active
    assert client.post(url).status_code == 200  # a second click is harmless


def test_one_click_unsubscribe_from_the_mail_program(world: World) -> None:
    """RFC 8058: the mail program posts the form body, with no session or CSRF token."""
    subscription = world.subscribe()
    client = Client(enforce_csrf_checks=True)
    url = reverse("report_unsubscribe", kwargs={"token": subscription.unsubscribe_token})
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert not subscription.active


def test_an_unknown_token_answers_a_clear_404(world: World, client: Client) -> None:
    world.subscribe()
    url = reverse("report_unsubscribe", kwargs={"token": uuid.uuid4()})
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
    assert ReportSubscription.objects.get().active


# --- The manager's page and scoping -------------------------------------------------------------


def signed_in(client: Client, person: Any) -> Client:
    activate_totp(person)
    client.force_login(person)
    return client


def test_the_manager_adds_lists_and_stops(world: World, client: Client) -> None:
    client = signed_in(client, world.manager)
    url = reverse("programme_reports", args=["iesr"])
    data = {
        "recipient_name": "Ministry",
        "recipient_email": "ministry@example.org",
        "language": "kk",
        "frequency": "monthly",
        "region": "",
    }
    assert client.post(url, data).status_code == 302
    subscription = ReportSubscription.objects.get()
    assert subscription.region is None
    assert subscription.language == "kk"
    body = client.get(url).content.decode()
    assert "ministry@example.org" in body
    assert "Not yet" in body
    again = client.post(url, data)
    assert again.status_code == 200
    assert "already receives this report" in again.content.decode()
    bad = client.post(url, {**data, "recipient_email": "ministry at example"})
    assert "Enter a valid e-mail address" in bad.content.decode()
    assert bad.context["form"]["recipient_name"].value() == "Ministry"  # nothing lost
    stop = reverse("programme_report_stop", args=[subscription.public_id])
    assert client.post(stop).status_code == 302
    subscription.refresh_from_db()
    assert not subscription.active


def test_a_coordinator_of_another_region_cannot_see_or_stop_it(
    world: World, client: Client
) -> None:
    subscription = world.subscribe(actor=world.coordinator_a, region=world.region_a)
    whole = world.subscribe(recipient_email="ministry@example.org")
    client = signed_in(client, world.coordinator_b)
    body = client.get(reverse("programme_reports", args=["iesr"])).content.decode()
    assert "funder@example.org" not in body
    assert "ministry@example.org" not in body
    for item in (subscription, whole):
        stop = reverse("programme_report_stop", args=[item.public_id])
        assert client.post(stop).status_code == 404
        item.refresh_from_db()
        assert item.active
    with pytest.raises(PermissionDenied):
        scheduled_reports.report_subscription_stop(
            actor=world.coordinator_b, subscription=subscription
        )


def test_people_who_do_not_plan_cannot_open_the_page(world: World, client: Client) -> None:
    supervisor = UserFactory()
    grant(supervisor, Role.SUPERVISOR, school=world.a1)
    client = signed_in(client, supervisor)
    assert client.get(reverse("programme_reports", args=["iesr"])).status_code == 403
