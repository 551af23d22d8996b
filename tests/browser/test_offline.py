"""Recording a visit on a tablet whose connection drops.

The supervisor opens today's visit with a connection; the service worker keeps the visit's
pages on the device. The connection goes; the page is reloaded (only the device can serve
it now) and the whole visit is recorded: an observation, the review of an earlier action
point, a new action point, a photo, the notes and the submission. Everything waits on the
device, listed on the page. The connection comes back; the device sends it all, and the
server holds one complete visit with exactly one of each record, even though every item
was sent twice.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.storage import storages
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError
from wagtail.models import ModelLogEntry

from people.models import User
from people.roles import Role
from supervision import services
from supervision.models import (
    ActionPoint,
    ActionPointReview,
    Attachment,
    Observation,
    ObservationScore,
    Visit,
)
from tests.factories import (
    PASSWORD,
    RegionFactory,
    SchoolFactory,
    UserFactory,
    activate_totp,
    grant,
    totp_code,
)
from tests.factories.supervision import RubricFactory, add_point, make_year, observe, published

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEND_TWICE = """async () => {
  // Every waiting item goes twice, right after itself: as if a reply had been lost.
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("qamqor-offline");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const items = await new Promise((resolve) => {
    const request = db.transaction("outbox").objectStore("outbox").getAll();
    request.onsuccess = () => resolve(request.result);
  });
  await new Promise((resolve, reject) => {
    const transaction = db.transaction("outbox", "readwrite");
    for (const item of items) {
      const again = { ...item, id: item.id + "-again", sequence: item.sequence + 0.5 };
      transaction.objectStore("outbox").put(again);
    }
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  return items.length;
}"""


def sign_in(page: Page, base: str, person: User, secret: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/en/$"))


def tablet(browser: Browser) -> tuple[BrowserContext, Page]:
    context = browser.new_context(
        viewport={"width": 820, "height": 1180}, locale="en-GB", service_workers="allow"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (11, 93, 99)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def private_storage(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["private"])


def test_a_visit_recorded_offline_reaches_the_server_once(
    browser: Browser, live_server: Any, private_storage: None
) -> None:
    base = live_server.url
    school = SchoolFactory(region=RegionFactory(), name_en="Lyceum No. 6")
    supervisor: User = UserFactory(full_name="Гүлнұр Тұрсынова")
    grant(supervisor, Role.SUPERVISOR, school=school)
    secret = activate_totp(supervisor)
    grant(UserFactory(full_name="Ерлан Омаров"), Role.SCHOOL_LEADER, school=school)
    teacher: User = UserFactory(full_name="Айгүл Сейітова")
    grant(teacher, Role.TEACHER, school=school)
    tutor: User = UserFactory(full_name="Ирина Петрова")
    grant(tutor, Role.TUTOR, school=school)
    rubric = RubricFactory()
    keys = list(published(rubric).indicator_keys())
    today = timezone.localdate()
    year = make_year(school, [supervisor], starts_on=today - timedelta(days=60))
    # An earlier visit left an action point open: this visit reviews it.
    earlier = Visit.objects.create(
        year=year,
        school=school,
        planned_on=today - timedelta(days=30),
        supervisor=supervisor,
        state=Visit.State.IN_PROGRESS,
    )
    observe(earlier, supervisor, teacher, Role.TEACHER, rubric)
    earlier_point = add_point(earlier, supervisor, teacher)
    services.visit_transition(actor=supervisor, visit=earlier, to_state=Visit.State.SUBMITTED)
    visit = Visit.objects.create(year=year, school=school, planned_on=today, supervisor=supervisor)

    context, page = tablet(browser)
    sign_in(page, base, supervisor, secret)
    visit_url = f"{base}/en/supervision/visits/{visit.public_id}/"
    page.goto(visit_url)
    page.get_by_role("button", name="Start recording").click()
    expect(page.locator(".visit-state")).to_contain_text("In progress")
    # The service worker has kept this visit's pages on the device.
    expect(page.locator("[data-offline-ready]")).to_be_visible()
    expect(page.locator("[data-offline-summary]")).to_have_text("Nothing is waiting to be sent.")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    assert_accessible(page)

    # The connection drops. While it is gone the server changes the visit's notes: a page
    # that came from the network would show them; the one kept on the device cannot.
    context.set_offline(True)
    Visit.objects.filter(pk=visit.pk).update(notes="Written on the server meanwhile")
    response = page.reload()
    assert response is not None
    assert response.from_service_worker
    expect(page.locator("h1")).to_contain_text("Lyceum No. 6")
    expect(page.locator("textarea[name='notes-notes']")).to_have_value("")
    expect(page.locator(".offline-banner")).to_contain_text("No connection")
    assert_accessible(page)

    # An observation, on the rubric's form kept on the device with the school's staff.
    page.get_by_role("link", name="Add an observation").click()
    page.get_by_label("Lesson").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Record an observation")
    page.select_option("select[name=observed]", f"{teacher.public_id}:{Role.TEACHER}")
    for key in keys:
        page.locator(f"input[name='score_{key}'][value='3']").check()
    page.fill("textarea[name=evidence]", "The pupil followed the visual timetable without help.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the observation").click()
    page.wait_for_url(re.compile(rf"/visits/{visit.public_id}/#offline-queue$"))
    summary = page.locator("[data-offline-summary]")
    expect(summary).to_contain_text("1 item is waiting to be sent.")
    expect(page.locator("[data-offline-panel]")).to_be_focused()

    # The review of the earlier action point, a new action point, a photo, the notes.
    review = page.locator("#review form")
    review.get_by_label("Done").check()
    review.get_by_role("button", name="Save the review").click()
    expect(summary).to_contain_text("2 items are waiting to be sent.")

    page.fill("textarea[name='ap-description']", "Put up a visual timetable")
    page.select_option("select[name='ap-owner']", str(tutor.pk))
    page.fill("input[name='ap-due_on']", (today + timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Save the action point").click()
    expect(summary).to_contain_text("3 items are waiting to be sent.")
    expect(page.locator("textarea[name='ap-description']")).to_have_value("")

    page.set_input_files(
        "input[name='attachment-file']",
        {"name": "timetable.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()},
    )
    page.fill("input[name='attachment-caption']", "Visual timetable by the board")
    page.get_by_role("button", name="Attach", exact=True).click()
    expect(summary).to_contain_text("4 items are waiting to be sent.")

    page.fill("textarea[name='notes-notes']", "The deputy director took part.")
    page.get_by_role("button", name="Save the notes").click()
    expect(summary).to_contain_text("5 items are waiting to be sent.")

    page.get_by_role("button", name="Submit the visit").click()
    expect(summary).to_contain_text("6 items are waiting to be sent.")
    waiting = page.locator("[data-offline-list] li")
    expect(waiting).to_have_count(6)
    for text in ("Observation: Айгүл Сейітова", "Review of an action point", "Put up a visual"):
        expect(page.locator("[data-offline-list]")).to_contain_text(text)
    expect(page.locator("[data-offline-list]")).to_contain_text("timetable.jpg")
    expect(page.locator("[data-offline-list]")).to_contain_text("Submission of the visit")
    assert_accessible(page)

    # Nothing reached the server; a reload, still offline, still lists it all.
    visit.refresh_from_db()
    assert visit.state == Visit.State.IN_PROGRESS
    assert not Observation.objects.filter(visit=visit).exists()
    assert not ActionPoint.objects.filter(visit=visit).exists()
    assert not Attachment.objects.filter(visit=visit).exists()
    page.reload()
    expect(waiting).to_have_count(6)

    # Each item goes twice, as when a reply is lost; then the connection comes back.
    assert page.evaluate(SEND_TWICE) == 6
    context.set_offline(False)
    expect(summary).to_have_text("Everything was sent.", timeout=30_000)
    expect(waiting).to_have_count(0)

    visit.refresh_from_db()
    assert visit.state == Visit.State.SUBMITTED
    assert visit.notes == "The deputy director took part."
    observation = Observation.objects.get(visit=visit)
    assert observation.is_complete
    assert observation.observed_person == teacher
    assert ObservationScore.objects.filter(observation=observation).count() == len(keys)
    point = ActionPoint.objects.get(visit=visit)
    assert (point.description, point.owner) == ("Put up a visual timetable", tutor)
    photo = Attachment.objects.get(visit=visit)
    assert (photo.kind, photo.caption) == ("photo", "Visual timetable by the board")
    review_row = ActionPointReview.objects.get(visit=visit)
    assert (review_row.action_point, review_row.outcome) == (earlier_point, "done")
    submissions = ModelLogEntry.objects.filter(
        action="supervision.visit.submit", object_id=str(visit.pk)
    )
    assert submissions.count() == 1
    # Sent twice, recorded once: one audit entry each, no "update" for the repeat.
    for record, prefix in ((observation, "observation"), (point, "action_point")):
        entries = ModelLogEntry.objects.filter(
            object_id=str(record.pk), action__startswith=f"supervision.{prefix}."
        )
        assert list(entries.values_list("action", flat=True)) == [f"supervision.{prefix}.create"]

    page.get_by_role("button", name="Reload the page").click()
    expect(page.locator(".visit-state")).to_contain_text("Submitted")
    expect(page.locator("#observations")).to_contain_text("Айгүл Сейітова")
    assert_accessible(page)
    context.close()


KEPT_ON_DEVICE = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith("qamqor-offline"));
  let pages = 0;
  for (const name of names) pages += (await (await caches.open(name)).keys()).length;
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("qamqor-offline");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const count = (store) => new Promise((resolve) => {
    // Signing out deletes the database: opening it again finds no stores.
    if (!db.objectStoreNames.contains(store)) return resolve(0);
    const request = db.transaction(store).objectStore(store).count();
    request.onsuccess = () => resolve(request.result);
  });
  return { pages, outbox: await count("outbox"), drafts: await count("drafts") };
}"""


def test_signing_out_leaves_nothing_of_the_visit_on_the_device(
    browser: Browser, live_server: Any
) -> None:
    """On a phone shared in the school: the supervisor signs out with something unsent;
    the device forgets the visit, and the next person, offline, cannot open it."""
    base = live_server.url
    school = SchoolFactory(region=RegionFactory(), name_en="Lyceum No. 6")
    supervisor: User = UserFactory()
    grant(supervisor, Role.SUPERVISOR, school=school)
    secret = activate_totp(supervisor)
    teacher: User = UserFactory(full_name="Айгүл Сейітова")
    grant(teacher, Role.TEACHER, school=school)
    other_school = SchoolFactory(region=RegionFactory(), name_en="School No. 31")
    colleague: User = UserFactory()
    grant(colleague, Role.SUPERVISOR, school=other_school)
    colleague_secret = activate_totp(colleague)
    RubricFactory()
    today = timezone.localdate()
    visit = Visit.objects.create(
        year=make_year(school, [supervisor], starts_on=today - timedelta(days=60)),
        school=school,
        planned_on=today,
        supervisor=supervisor,
        state=Visit.State.IN_PROGRESS,
    )

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-GB", service_workers="allow"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, supervisor, secret)
    visit_url = f"{base}/en/supervision/visits/{visit.public_id}/"
    page.goto(visit_url)
    expect(page.locator("[data-offline-ready]")).to_be_visible()
    assert_accessible(page)

    context.set_offline(True)
    page.reload()
    page.fill("textarea[name='ap-description']", "Keep a progress log")
    page.select_option("select[name='ap-owner']", str(teacher.pk))
    page.fill("input[name='ap-due_on']", (today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save the action point").click()
    expect(page.locator("#action-points .offline-note")).to_have_text(
        "Kept on this device: it will be sent when the connection is back."
    )
    expect(page.locator("[data-offline-summary]")).to_have_text("1 item is waiting to be sent.")
    assert_accessible(page)
    kept = page.evaluate(KEPT_ON_DEVICE)
    assert kept["pages"] > 5
    assert kept["outbox"] == 1

    # Signing out, still offline, warns that the action point would be lost, and clears
    # the device. The server hears of it only once the connection is back: sign out again.
    dialogs: list[str] = []

    def accept(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.locator(".account-menu summary").click()
    with pytest.raises(PlaywrightError), page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert len(dialogs) == 1
    assert "has not been sent yet" in dialogs[0]
    context.set_offline(False)
    page.goto(f"{base}/en/")
    assert page.evaluate(KEPT_ON_DEVICE) == {"pages": 0, "outbox": 0, "drafts": 0}
    page.locator(".account-menu summary").click()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))

    # The next person signs in on the same phone and goes offline: nothing of the visit.
    sign_in(page, base, colleague, colleague_secret)
    assert page.evaluate(KEPT_ON_DEVICE) == {"pages": 0, "outbox": 0, "drafts": 0}
    context.set_offline(True)
    with pytest.raises(PlaywrightError):
        page.goto(visit_url)  # no page at all: the device kept nothing to show
    context.close()
    assert not ActionPoint.objects.exists()


def test_what_waits_survives_the_session_ending_and_goes_after_signing_in_again(
    browser: Browser, live_server: Any
) -> None:
    """A long visit without a connection outlasts the session (programme roles are signed
    out when idle): nothing is lost, the page asks to sign in again, and then sends it."""
    from django.contrib.sessions.models import Session
    from django.core.cache import cache

    base = live_server.url
    school = SchoolFactory(region=RegionFactory())
    supervisor: User = UserFactory()
    grant(supervisor, Role.SUPERVISOR, school=school)
    secret = activate_totp(supervisor)
    teacher: User = UserFactory()
    grant(teacher, Role.TEACHER, school=school)
    today = timezone.localdate()
    visit = Visit.objects.create(
        year=make_year(school, [supervisor], starts_on=today - timedelta(days=60)),
        school=school,
        planned_on=today,
        supervisor=supervisor,
        state=Visit.State.IN_PROGRESS,
    )
    context, page = tablet(browser)
    sign_in(page, base, supervisor, secret)
    page.goto(f"{base}/en/supervision/visits/{visit.public_id}/")
    expect(page.locator("[data-offline-ready]")).to_be_visible()

    context.set_offline(True)
    page.fill("textarea[name='ap-description']", "Keep a progress log")
    page.select_option("select[name='ap-owner']", str(teacher.pk))
    page.fill("input[name='ap-due_on']", (today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save the action point").click()
    summary = page.locator("[data-offline-summary]")
    expect(summary).to_contain_text("1 item is waiting to be sent.")

    # Meanwhile the session ends on the server.
    Session.objects.all().delete()
    cache.clear()
    context.set_offline(False)
    expect(summary).to_contain_text("Sign in again to send what is waiting", timeout=15_000)
    expect(page.locator("[data-offline-list] li")).to_have_count(1)
    assert not ActionPoint.objects.exists()
    assert_accessible(page)

    page.get_by_role("link", name="Sign in again").click()
    page.fill("input[name=login]", supervisor.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(rf"/visits/{visit.public_id}/$"))
    expect(summary).to_have_text("Everything was sent.", timeout=30_000)
    point = ActionPoint.objects.get()
    assert (point.visit, point.description) == (visit, "Keep a progress log")
    context.close()
