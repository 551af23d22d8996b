"""Pages of the shell: the home page, the language redirect at the root, error pages."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.health import readiness
from people import scoping, selectors
from people.models import RoleMembership, User

from . import privacy
from .home import sections_for


def root(request: HttpRequest) -> HttpResponse:
    """Send ``/`` to the home page in the person's language."""
    language = getattr(request.user, "preferred_language", None) or (
        translation.get_language_from_request(request)
    )
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponseRedirect(reverse("home"))


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "lms/landing.html")
    memberships = (
        RoleMembership.objects.current()
        .filter(person=request.user)
        .select_related("school__region", "region", "training_area")
    )
    return render(
        request,
        "lms/home.html",
        {
            "sections": sections_for(request.user),
            "memberships": memberships,
            "offers": selectors.role_offer_list_for(user=request.user),
        },
    )


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness, for a load balancer or a supervisor: the process answers. It touches no
    database, so an outage elsewhere does not get every node restarted."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    """Readiness: the database, the shared cache and the storages answer (503 if not)."""
    checks = readiness()
    ok = all(checks.values())
    return JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503
    )


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"message": message}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything the product holds about the signed-in person, as a ZIP."""
    person = request.user
    content = privacy.personal_data_export(person=person)  # type: ignore[arg-type]
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="my-data-{person.public_id}.zip"'  # type: ignore[union-attr]
    return response


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the erasure"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example the person's written request and its date. It is kept in the audit log."
        ),
    )
    confirm_email = forms.EmailField(
        label=_("Type the person's e-mail address to confirm"),
    )


@login_required
def person_erase(request: HttpRequest, public_id: str) -> HttpResponse:
    actor = request.user
    if not scoping.scope_for(actor).is_administrator:
        raise PermissionDenied(_("Only administrators can erase a person's data."))
    person = get_object_or_404(User, public_id=public_id, erased_at__isnull=True)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm_email"].strip().lower() != person.email:
            form.add_error("confirm_email", _("This is not the person's e-mail address."))
        else:
            try:
                privacy.person_erase(actor=actor, person=person, reason=form.cleaned_data["reason"])  # type: ignore[arg-type]
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The person's personal data was erased."))
                return redirect("person_list")
    return render(request, "lms/person_erase.html", {"person": person, "form": form})
