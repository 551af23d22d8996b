"""Scheduled reports: subscribing someone to a programme's indicators report, stopping it
(by the person who manages it, or by the recipient in one click), and sending each week's
or month's report once."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.exports import CONTENT_TYPES, xlsx_bytes
from core.mail import render_email, send_email_now
from core.pdf import render_pdf
from core.tasks import send_task_after_commit
from people.models import Region, User

from .. import selectors
from ..models import Programme, ReportRun, ReportSubscription

Frequency = ReportSubscription.Frequency
# A run claimed but not sent after this long (its worker died, the broker was down) is
# queued again; sending it is repeat-safe.
STALLED_AFTER = timedelta(minutes=30)


def period_start(frequency: str, today: date) -> date:
    """The first day of the period ``today`` falls in: its week's Monday, or its month's
    first day."""
    if frequency == Frequency.WEEKLY:
        return today - timedelta(days=today.weekday())
    return today.replace(day=1)


def _check_manages(actor: User, subscription: ReportSubscription) -> None:
    allowed = selectors.report_subscription_list_for(
        user=actor, programme=subscription.programme
    ).filter(pk=subscription.pk)
    if not (selectors.may_manage_reports(actor, subscription.programme) and allowed.exists()):
        raise PermissionDenied(_("This scheduled report is not among the ones you manage."))


@transaction.atomic
def report_subscription_add(
    *,
    actor: User,
    programme: Programme,
    region: Region | None,
    recipient_name: str,
    recipient_email: str,
    language: str,
    frequency: str,
) -> ReportSubscription:
    """Subscribe an e-mail address to the programme's indicators report. The first report
    goes with the next scheduled sending (within the hour). A regional coordinator may only
    subscribe to a region they coordinate; the same address, place and frequency may be
    subscribed only once at a time. Audited."""
    if not selectors.may_manage_reports(actor, programme):
        raise PermissionDenied(_("You may not schedule reports for this programme."))
    if region is None:
        if not selectors.may_subscribe_whole_programme(actor):
            raise ValidationError(
                {"region": _("Choose one of your regions: the whole programme is not yours.")}
            )
    elif not selectors.report_regions_for(user=actor, programme=programme).filter(pk=region.pk):
        raise ValidationError({"region": _("Choose a region of this programme in your scope.")})
    email = recipient_email.strip()
    duplicate = _("This address already receives this report at this frequency.")
    if ReportSubscription.objects.filter(
        programme=programme,
        region=region,
        recipient_email__iexact=email,
        frequency=frequency,
        active=True,
    ).exists():
        raise ValidationError({"recipient_email": duplicate})
    subscription = ReportSubscription(
        programme=programme,
        region=region,
        recipient_name=recipient_name.strip(),
        recipient_email=email,
        language=language,
        frequency=frequency,
        created_by=actor,
    )
    subscription.full_clean()
    try:
        with transaction.atomic():
            subscription.save()
    except IntegrityError:  # two managers at once
        raise ValidationError({"recipient_email": duplicate}) from None
    log(
        subscription,
        "programmes.report.subscribe",
        user=actor,
        data={"programme": programme.code, "frequency": frequency, "language": language},
    )
    return subscription


def _stop(subscription: ReportSubscription) -> bool:
    locked = ReportSubscription.objects.select_for_update().get(pk=subscription.pk)
    if not locked.active:
        return False
    locked.active = False
    locked.stopped_at = timezone.now()
    locked.save(update_fields=["active", "stopped_at"])
    subscription.active, subscription.stopped_at = locked.active, locked.stopped_at
    return True


@transaction.atomic
def report_subscription_stop(*, actor: User, subscription: ReportSubscription) -> bool:
    """Stop a subscription for good (``True`` if it was active). Repeat-safe. Audited."""
    _check_manages(actor, subscription)
    stopped = _stop(subscription)
    if stopped:
        log(subscription, "programmes.report.stop", user=actor)
    return stopped


@transaction.atomic
def report_unsubscribe(*, token: uuid.UUID | str) -> ReportSubscription | None:
    """The recipient's one-click unsubscribe; ``None`` for a token that matches nothing.
    Repeat-safe: a second click changes nothing. Audited."""
    subscription = ReportSubscription.objects.filter(unsubscribe_token=token).first()
    if subscription is None:
        return None
    if _stop(subscription):
        log(subscription, "programmes.report.unsubscribe")
    return subscription


def report_runs_due(*, today: date | None = None) -> int:
    """Beat: claim this period's run of every active subscription that has none, and queue
    its sending; queue again the runs that stalled. Repeat-safe: the unique run per
    subscription and period means a second call (or a second worker) claims nothing.
    Returns how many runs were queued."""
    today = today or timezone.localdate()
    queued = 0
    for subscription in ReportSubscription.objects.filter(active=True).iterator():
        start = period_start(subscription.frequency, today)
        if subscription.runs.filter(period_start=start).exists():
            continue
        try:
            with transaction.atomic():
                run = ReportRun.objects.create(subscription=subscription, period_start=start)
                send_task_after_commit("programmes.report_run_send", run.pk)
        except IntegrityError:
            continue
        queued += 1
    stalled = ReportRun.objects.filter(
        sent_at__isnull=True,
        subscription__active=True,
        created_at__lt=timezone.now() - STALLED_AFTER,
    ).values_list("pk", flat=True)
    for run_id in stalled:
        send_task_after_commit("programmes.report_run_send", run_id)
        queued += 1
    return queued


def _report_files(subscription: ReportSubscription, period: str) -> list[tuple[str, bytes, str]]:
    headers, rows = selectors.indicators_table(
        user=subscription.created_by, programme=subscription.programme, region=subscription.region
    )
    place = subscription.region.name if subscription.region else subscription.programme.name
    html = render_to_string(
        "programmes/pdf/report.html",
        {
            "programme": subscription.programme,
            "place": place,
            "period": period,
            "headers": headers,
            "rows": rows,
            "generated_on": timezone.localdate(),
            "LANGUAGE_CODE": subscription.language,
        },
    )
    name = f"{subscription.programme.code}-indicators-{period}"
    if subscription.region:
        name = f"{subscription.programme.code}-{subscription.region.code}-indicators-{period}"
    return [
        (f"{name}.xlsx", xlsx_bytes(headers=headers, rows=rows), CONTENT_TYPES["xlsx"]),
        (f"{name}.pdf", render_pdf(html, pdf_tags=True), "application/pdf"),
    ]


@transaction.atomic
def report_run_send(*, run_id: int) -> bool:
    """Send one run's report (``True`` if it went now): the indicators table, in the
    recipient's language, as XLSX and PDF, with a one-click unsubscribe link
    (``List-Unsubscribe`` and RFC 8058 ``List-Unsubscribe-Post``). Repeat-safe: the run
    row is locked and a run already sent, or of a stopped subscription, is not sent again.
    The figures are those its creator may see."""
    run = (
        ReportRun.objects.select_for_update(of=("self",))
        .select_related("subscription__programme", "subscription__region")
        .filter(pk=run_id)
        .first()
    )
    if run is None or run.sent_at is not None or not run.subscription.active:
        return False
    subscription = run.subscription
    with translation.override(subscription.language):
        if subscription.frequency == Frequency.WEEKLY:
            period = run.period_start.isoformat()
            period_label = _("the week of %(date)s") % {
                "date": date_format(run.period_start, "j E Y")
            }
        else:
            period = run.period_start.strftime("%Y-%m")
            period_label = date_format(run.period_start, "F Y")
        link = settings.SITE_URL + reverse(
            "report_unsubscribe", kwargs={"token": subscription.unsubscribe_token}
        )
        attachments = _report_files(subscription, period)
    message = render_email(
        "scheduled_report",
        {
            "subscription": subscription,
            "programme": subscription.programme,
            "region": subscription.region,
            "period": period_label,
            "unsubscribe_link": link,
        },
        language=subscription.language,
    )
    send_email_now(
        to=subscription.recipient_email,
        attachments=attachments,
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        **message,
    )
    run.sent_at = timezone.now()
    run.save(update_fields=["sent_at"])
    log(subscription, "programmes.report.send", data={"period": run.period_start.isoformat()})
    return True
