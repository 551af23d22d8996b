"""The tool's addresses: its key set, OIDC login initiation, the launch, and the teacher's
choice in deep linking.

Cookies. A launch is a cross-site form POST from the platform. PyLTI1p3 keeps the OIDC
``state`` in a cookie it marks ``SameSite=None; Secure`` on HTTPS, and the nonce and launch
data in the cache, so validation needs none of our own cookies. The product's pages are
never framed (``X-Frame-Options: DENY``, ``frame-ancestors 'none'``) and our session cookie
stays ``SameSite=Lax``: a resource launch is meant to open in a new window (the platform's
"launch container: new window"), where the session cookie set by the launch response is
first-party and sent on the redirect to the course and on every page after it. We do not
loosen the session cookie to ``SameSite=None`` for iframes: it would send every signed-in
request's cookie cross-site for the sake of one flow. PyLTI1p3's cookie check page is not
used because it runs inline scripts, which the product's policy forbids.

Deep linking is the exception: platforms show the teacher's choice in a frame. Those two
pages need no session. They allow only the platform's origin to frame them, and the choice
form carries the launch's random id (kept an hour, usable once) in place of a session and
a CSRF cookie, which a third-party frame would not send.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import login
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pylti1p3.contrib.django import DjangoOIDCLogin
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.lineitem import LineItem
from wagtail.log_actions import log

from core.csp import origin_of

from . import keys, selectors, services
from .models import Platform
from .tool_conf import MessageLaunch, ToolConf, platform_for, storage

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
CHOICE_USED_SECONDS = 60 * 60
DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"


def refused(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "lti/refused.html", {"message": message}, status=status)


def reason_for(error: Exception) -> str:
    """A translated reason for a launch PyLTI1p3 refused (its messages are English)."""
    text = str(error).lower()
    if "nonce already used" in text:
        return _("This launch was already used. Start it again from your course.")
    if "expired" in text or "state" in text or "nonce" in text or "launch data" in text:
        return _("This launch has expired. Start it again from your course.")
    if "registration" in text or "client id" in text or "issuer" in text:
        return _("This platform is not registered here. Ask its administrator.")
    if "deployment" in text:
        return _("This deployment of the platform is not registered here. Ask its administrator.")
    return _("The launch could not be verified. Start it again from your course.")


def _framable_by(response: HttpResponse, platform: Platform, *form_targets: str) -> HttpResponse:
    """Let the platform's own pages frame this one, and its form post to them."""
    response.xframe_options_exempt = True
    origins = sorted({origin_of(platform.issuer), origin_of(platform.auth_login_url)})
    response._csp_replace = {  # type: ignore[attr-defined]
        "frame-ancestors": origins,
        "form-action": ["'self'", *sorted({origin_of(url) for url in form_targets})],
    }
    return response


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    """The tool's public keys, for platforms to verify what the tool signs."""
    return JsonResponse(keys.key_set())


@csrf_exempt
@require_http_methods(["GET", "POST"])
def login_initiation(request: HttpRequest) -> HttpResponse:
    """Third-party initiated login: send the browser to the platform's authentication
    endpoint with a fresh state and nonce (PyLTI1p3)."""
    launch_url = request.build_absolute_uri(reverse("lti_launch"))
    deep_link_url = request.build_absolute_uri(reverse("lti_deep_link"))
    target = request.GET.get("target_link_uri") or request.POST.get("target_link_uri")
    redirect_uri = deep_link_url if target == deep_link_url else launch_url
    oidc = DjangoOIDCLogin(request, ToolConf(), launch_data_storage=storage())
    try:
        return oidc.redirect(redirect_uri)
    except (OIDCException, LtiException) as error:
        return refused(request, reason_for(error))


def _platform_of(claims: Mapping[str, Any]) -> Platform | None:
    aud = claims.get("aud")
    client_id = aud[0] if isinstance(aud, list) and aud else aud
    return platform_for(str(claims.get("iss", "")), str(client_id) if client_id else None)


@csrf_exempt
@require_POST
def launch(request: HttpRequest) -> HttpResponse:
    """The platform's form post with a signed ``id_token``: validated by PyLTI1p3, then a
    resource launch signs the person in, enrols them and opens the course or module; a
    deep-linking launch shows a teacher what they may link to."""
    try:
        message = MessageLaunch(request)  # over HTTPS, refused without PyLTI1p3's cookie
        claims = message.get_launch_data()
    except LtiException as error:
        return refused(request, reason_for(error))
    platform = _platform_of(claims)
    if platform is None:  # validated just now; switched off in between
        return refused(request, _("This platform is not registered here. Ask its administrator."))
    language = services.language_of(claims)
    if message.is_deep_link_launch():
        return _deep_link_page(request, message, platform, language)
    if not message.is_resource_launch():
        return refused(request, _("This kind of launch is not supported."))
    page = selectors.launch_page(request, claims)
    if page is None:
        return refused(request, _("The course or module this link names does not exist here."))
    try:
        result = services.launch_sign_in(platform=platform, claims=claims, page=page)
    except services.LaunchRefused as refusal:
        log(platform, "lti.launch.refused", data={"reason": refusal.message})
        return refused(request, refusal.message, refusal.status)
    login(request, result.person, backend=BACKEND)
    if language:
        translation.activate(language)
    return HttpResponseRedirect(result.page.localized.get_url(request) or "/")


def _may_link(message: MessageLaunch) -> bool:
    return bool(
        message.check_teacher_access()
        or message.check_staff_access()
        or message.check_designer_access()
    )


def _deep_link_page(
    request: HttpRequest, message: MessageLaunch, platform: Platform, language: str | None
) -> HttpResponse:
    if not _may_link(message):
        return refused(request, _("Only teachers may choose what to link to."), 403)
    if language:
        translation.activate(language)
    context = {
        "courses": selectors.linkable_courses(),
        "launch_id": message.get_launch_id(),
        "platform": platform,
    }
    response = render(request, "lti/deep_link.html", context)
    return _framable_by(response, platform)


@csrf_exempt
@require_POST
def deep_link_choose(request: HttpRequest) -> HttpResponse:
    """The teacher's choice: a signed deep-linking response naming the course or module,
    posted back to the platform's return address."""
    launch_id = request.POST.get("launch_id", "")
    try:
        message = MessageLaunch.restore(request, launch_id)
    except LtiException:
        return refused(request, _("This choice has expired. Start it again from your course."))
    claims = message.get_launch_data()
    platform = _platform_of(claims)
    if platform is None or not message.is_deep_link_launch() or not _may_link(message):
        return refused(request, _("Only teachers may choose what to link to."), 403)
    page = selectors.page_for_linking(request.POST.get("page"))
    if page is None:
        return refused(request, _("The course or module this link names does not exist here."))
    if not cache.add(f"lti-deep-link-used:{launch_id}", True, CHOICE_USED_SECONDS):
        return refused(request, _("This choice was already sent. Start it again from your course."))
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti_launch")))
        .set_custom_params({selectors.PAGE_PARAMETER: str(page.pk)})
        .set_title(page.title)
        # A gradebook column on the platform; scores carry their own maximum and the
        # platform scales them to this one.
        .set_lineitem(
            LineItem().set_score_maximum(100).set_label(page.title).set_resource_id(str(page.pk))
        )
    )
    deep_link = message.get_deep_link()
    token = deep_link.get_response_jwt([resource])
    data: Mapping[str, Any] = claims
    settings_claim: Mapping[str, Any] = data.get(DEEP_LINKING_SETTINGS) or {}
    return_url = str(settings_claim.get("deep_link_return_url", ""))
    response = render(
        request, "lti/deep_link_return.html", {"return_url": return_url, "token": token}
    )
    return _framable_by(response, platform, return_url)
