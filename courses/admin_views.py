"""The course pages the product adds to the admin: the course review (a lead trainer sees the
whole course, previews each new or changed module, and approves or returns it once) and
copying a course with its modules and translations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.actions.copy_page import CopyPagePermissionError

from .forms import CourseCopyForm, CourseReviewDecisionForm
from .models import CoursePage
from .selectors.course_reviews import course_review_for, course_reviews_for
from .services.copying import course_copy, source_version
from .services.review import course_review_decide


def _header(title: str, *trail: tuple[str, str], icon: str = "clipboard-list") -> dict[str, object]:
    """What Wagtail's admin header needs: the title, the icon and the breadcrumbs."""
    crumbs = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}]
    crumbs += [{"url": url, "label": label} for url, label in trail]
    crumbs.append({"url": "", "label": title})
    return {"header_title": title, "header_icon": icon, "breadcrumbs_items": crumbs}


def review_list(request: HttpRequest) -> HttpResponse:
    context = {"reviews": course_reviews_for(request.user), **_header(_("Course reviews"))}
    return render(request, "courses/admin/review_list.html", context)


def review_detail(request: HttpRequest, task_state_id: int) -> HttpResponse:
    review = course_review_for(request.user, task_state_id)
    if review is None:
        raise Http404
    form = CourseReviewDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        try:
            course_review_decide(
                task_state=review.task_state,
                user=request.user,
                action=action,
                comment=form.cleaned_data["comment"],
            )
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
        else:
            if action == "approve":
                done = _("“%(course)s” is approved and published with its changed modules.")
            else:
                done = _("“%(course)s” is returned to the trainer for changes.")
            messages.success(request, done % {"course": review.course.get_admin_display_title()})
            return redirect("courses_admin:reviews")
    title = _("Review of “%(course)s”") % {"course": review.course.get_admin_display_title()}
    context = {
        "review": review,
        "form": form,
        **_header(title, (reverse("courses_admin:reviews"), _("Course reviews"))),
    }
    return render(request, "courses/admin/review_detail.html", context)


def _free_slug(course: CoursePage, catalogues: list[object]) -> str:
    number = 2
    while not all(
        CoursePage._slug_is_available(f"{course.slug}-{number}", parent) for parent in catalogues
    ):
        number += 1
    return f"{course.slug}-{number}"


def copy_course(request: HttpRequest, page_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage, pk=page_id)
    original = source_version(course)
    parent = original.get_parent()
    if not original.permissions_for_user(request.user).can_copy_to(parent, recursive=True):
        raise PermissionDenied
    catalogues = list(parent.get_translations(inclusive=True))
    initial = {"title": original.title, "slug": _free_slug(original, catalogues)}
    form = CourseCopyForm(request.POST or None, initial=initial, catalogues=catalogues)
    if request.method == "POST" and form.is_valid():
        try:
            copy = course_copy(
                actor=request.user,
                course=course,
                title=form.cleaned_data["title"],
                slug=form.cleaned_data["slug"],
            )
        except CopyPagePermissionError as refusal:
            raise PermissionDenied from refusal
        messages.success(
            request,
            _(
                "“%(course)s” is a new draft course with its modules and translations: "
                "edit it, then submit it for review."
            )
            % {"course": copy.title},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    title = _("Copy “%(course)s”") % {"course": original.title}
    context = {
        "course": original,
        "form": form,
        "languages": [c.locale.get_display_name() for c in original.get_translations(True)],
        **_header(
            title, (reverse("wagtailadmin_explore", args=(parent.pk,)), parent.title), icon="copy"
        ),
    }
    return render(request, "courses/admin/course_copy.html", context)
