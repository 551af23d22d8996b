"""What certificates offer on the home page and in the navigation: one's own certificates
and verification for everyone; the register for programme staff; the lifecycle and bulk
jobs for programme managers and administrators."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.home import HomeLink, HomeSection
from people.models import User

from . import selectors, services


def sections_for(user: User) -> list[HomeSection]:
    section = HomeSection(
        _("Certificates"),
        [
            HomeLink(
                _("My certificates"),
                _("Download your certificates and share their verification links."),
                reverse("my_certificates"),
            ),
            HomeLink(
                _("Verify a certificate"),
                _("Check a certificate's code or QR code."),
                reverse("certificate_verify_form"),
            ),
        ],
    )
    if selectors.may_view_register(user):
        section.links.append(
            HomeLink(
                _("Certificate register"),
                _("Find a certificate by name, course or code; revoke or reissue it."),
                reverse("certificate_register"),
            )
        )
    if services.may_manage(user):
        section.links.append(
            HomeLink(
                _("Bulk issue and repair"),
                _("Issue a course's missing certificates, or reissue them after a template fix."),
                reverse("certificate_jobs"),
            )
        )
    return [section]


def nav_for(user: User) -> list[tuple[str | Promise, str]]:
    return [(_("Certificates"), reverse("my_certificates"))]
