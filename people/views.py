"""People pages: the directory, adding people, their roles, invitations, one's own profile."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import scoping, selectors, services, staffing
from .adapters import sign_in_with_new_password
from .forms import (
    InvitationAcceptForm,
    MembershipForm,
    PeopleFilterForm,
    PersonCreateForm,
    PersonDetailsForm,
)
from .models import RoleMembership, User

PEOPLE_PER_PAGE = 50


def _apply_errors(form: PersonDetailsForm | MembershipForm, error: ValidationError) -> None:
    """Show a service's refusal on the form, next to the field it concerns."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def _person_or_404(user: User, public_id: str) -> User:
    person = selectors.person_detail_for(user=user, public_id=public_id)
    if person is None:
        raise Http404
    return person


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not scoping.scope_for(user).oversees_people:
        raise PermissionDenied(_("Your roles do not include seeing other people's records."))
    form = PeopleFilterForm(request.GET or None, user=user)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    people = selectors.person_list_for(
        user=user,
        region=filters.get("region"),
        school=filters.get("school"),
        role=filters.get("role") or "",
        search=filters.get("q") or "",
    )
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/person_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_add": scoping.scope_for(user).may_grant_roles,
        },
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not scoping.scope_for(user).may_grant_roles:
        raise PermissionDenied(_("Your roles do not include adding people."))
    form = PersonCreateForm(request.POST or None, actor=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            addition = staffing.staff_add(
                actor=user,
                email=data["email"],
                full_name=data["full_name"],
                full_name_alt=data["full_name_alt"],
                preferred_language=data["preferred_language"],
                memberships=[form.membership_spec()],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            if addition.invited or addition.person is None:
                # The same answer for a new address and for an account outside the
                # reader's scope (asked to accept): only what they typed.
                messages.success(
                    request,
                    _("An invitation was sent to %(name)s at %(email)s.")
                    % {
                        "name": " ".join(data["full_name"].split()),
                        "email": data["email"].strip().lower(),
                    },
                )
                return redirect("person_list")
            person = addition.person
            if addition.roles_given:
                messages.success(
                    request,
                    _("%(name)s already has an account; the role was given.")
                    % {"name": person.full_name},
                )
            else:
                messages.info(
                    request,
                    _("%(name)s already holds this role there.") % {"name": person.full_name},
                )
            return redirect("person_detail", public_id=person.public_id)
    return render(request, "people/person_create.html", {"form": form})


@login_required
def person_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _person_or_404(user, public_id)
    may_change = scoping.can_change_person(user, person)
    memberships = [
        (membership, membership.is_current and scoping.can_change_membership(user, membership))
        for membership in person.all_memberships  # type: ignore[attr-defined]
    ]
    latest = person.latest_invitations  # type: ignore[attr-defined]
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "invitation": latest[0] if latest else None,
            "may_change": may_change,
            "may_grant": scoping.scope_for(user).may_grant_roles,
            "may_erase": scoping.scope_for(user).is_administrator
            and person.pk != user.pk
            and person.erased_at is None,
            "details_form": PersonDetailsForm(
                initial={
                    "full_name": person.full_name,
                    "full_name_alt": person.full_name_alt,
                    "preferred_language": person.preferred_language,
                }
            ),
            "membership_form": MembershipForm(actor=user),
        },
    )


@login_required
@require_POST
def person_update(request: HttpRequest, public_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _person_or_404(user, public_id)
    form = PersonDetailsForm(request.POST)
    if form.is_valid():
        try:
            services.person_update(actor=user, person=person, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The details were saved."))
            return redirect("person_detail", public_id=person.public_id)
    return render(
        request, "people/person_form.html", {"person": person, "form": form, "action": "update"}
    )


@login_required
@require_POST
def membership_grant(request: HttpRequest, public_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _person_or_404(user, public_id)
    if not scoping.scope_for(user).may_grant_roles:
        raise PermissionDenied(_("Your roles do not include giving roles."))
    form = MembershipForm(request.POST, actor=user)
    if form.is_valid():
        try:
            given = staffing.role_give(actor=user, person=person, spec=form.membership_spec())
        except ValidationError as error:
            _apply_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            if isinstance(given, RoleMembership):
                messages.success(request, _("The role was given."))
            else:  # not for someone the reader sees; kept so the rule stays in one place
                messages.success(request, _("The person was asked to accept the role."))
            return redirect("person_detail", public_id=person.public_id)
    return render(
        request, "people/person_form.html", {"person": person, "form": form, "action": "grant"}
    )


@login_required
@require_POST
def membership_end(request: HttpRequest, public_id: str, membership_id: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _person_or_404(user, public_id)
    membership = get_object_or_404(RoleMembership, pk=membership_id, person=person)
    services.membership_end(actor=user, membership=membership)
    messages.success(request, _("The role was ended. It stays in the person's history."))
    return redirect("person_detail", public_id=person.public_id)


@login_required
@require_POST
def invitation_send(request: HttpRequest, public_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _person_or_404(user, public_id)
    try:
        services.invitation_create(actor=user, person=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new invitation was sent to %(email)s.") % {"email": person.email}
        )
    return redirect("person_detail", public_id=person.public_id)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(
            request, "people/invitation_invalid.html", {"message": error.message}, status=410
        )
    person = invitation.person
    form = InvitationAcceptForm(
        request.POST or None,
        initial={
            "full_name": person.full_name,
            "full_name_alt": person.full_name_alt,
            "preferred_language": person.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.invitation_accept(
                token=token,
                password=data["password1"],
                full_name=data["full_name"],
                full_name_alt=data["full_name_alt"],
                preferred_language=data["preferred_language"],
            )
        except services.InvitationError as error:
            return render(
                request, "people/invitation_invalid.html", {"message": error.message}, status=410
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Welcome! Your account is ready."))
            return sign_in_with_new_password(request, person)
    return render(request, "people/invitation_accept.html", {"form": form, "person": person})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = PersonDetailsForm(
        request.POST or None,
        initial={
            "full_name": user.full_name,
            "full_name_alt": user.full_name_alt,
            "preferred_language": user.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(actor=user, person=user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Your details were saved."))
            return redirect("profile")
    memberships = (
        RoleMembership.objects.current()
        .filter(person=user)
        .select_related("school", "region", "training_area")
    )
    return render(
        request,
        "people/profile.html",
        {
            "form": form,
            "memberships": memberships,
            "offers": selectors.role_offer_list_for(user=user),
        },
    )


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the interface language, stay on the same page, and remember the choice.

    Django translates ``next`` by resolving it in the active language, so the language of
    the page the person came from is activated first.
    """
    came_from = translation.get_language_from_path(request.POST.get("next", ""))
    if came_from:
        translation.activate(came_from)
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.person_set_language(person=request.user, language=language)
    return response


@login_required
def role_offer(request: HttpRequest, public_id: str) -> HttpResponse:
    """A role offered to the signed-in person: accept or decline it. Anyone else's offer
    is not found, so a forwarded link shows nothing."""
    user: User = request.user  # type: ignore[assignment]
    offer = selectors.role_offer_for(user=user, public_id=public_id)
    if offer is None:
        raise Http404
    problem = staffing.offer_problem(offer)
    decision = request.POST.get("decision") if request.method == "POST" else None
    if decision in ("accept", "decline") and not problem:
        try:
            if decision == "accept":
                staffing.role_offer_accept(person=user, offer=offer)
                messages.success(
                    request,
                    _("You now hold the role “%(role)s” at %(place)s.")
                    % {"role": offer.get_role_display(), "place": offer.place},
                )
            else:
                staffing.role_offer_decline(person=user, offer=offer)
                messages.success(request, _("You declined the role. Nothing about you was shared."))
        except staffing.OfferError as error:
            problem = error.message
        else:
            return redirect("home")
    elif request.method == "POST" and not problem:
        problem = _("Choose whether to accept or decline the role.")
        return render(
            request, "people/role_offer.html", {"offer": offer, "error": problem}, status=400
        )
    return render(
        request,
        "people/role_offer.html",
        {"offer": offer, "problem": problem},
        status=410 if problem else 200,
    )
