"""E-mail: render in the recipient's language, send from a task after commit.

Templates come in threes under ``templates/email/``: ``<name>_subject.txt``,
``<name>_message.txt`` and ``<name>_message.html``.
"""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_task_after_commit


def render_email(name: str, context: dict[str, Any], *, language: str) -> dict[str, str]:
    context = {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "LANGUAGE_CODE": language,
        **context,
    }
    with translation.override(language):
        subject = render_to_string(f"email/{name}_subject.txt", context)
        text = render_to_string(f"email/{name}_message.txt", context)
        html = render_to_string(f"email/{name}_message.html", context)
    return {"subject": " ".join(subject.split()), "text": text, "html": html}


def send_email_after_commit(
    *, to: str, subject: str, text: str, html: str = "", reply_to: str = ""
) -> None:
    """Queue one message; it leaves only if the surrounding transaction commits."""
    send_task_after_commit(
        "core.email_send", to=to, subject=subject, text=text, html=html, reply_to=reply_to
    )


def send_templated_email(name: str, *, to: str, context: dict[str, Any], language: str) -> None:
    send_email_after_commit(to=to, **render_email(name, context, language=language))


def send_email_now(
    *,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    attachments: list[tuple[str, bytes, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Send one message at once, from a task that already runs in a worker: for messages
    whose attachments are too large to pass through the broker. ``attachments`` are
    ``(filename, content, mimetype)``."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()
