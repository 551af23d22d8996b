"""The course review pages in the admin: a lead trainer sees the whole course, previews each
new or changed module, and approves or returns the course once."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import CourseReviewDecisionForm
from .selectors.course_reviews import course_review_for, course_reviews_for
from .services.review import course_review_decide


def _header(title: str, *trail: tuple[str, str]) -> dict[str, object]:
    """What Wagtail's admin header needs: the title, the icon and the breadcrumbs."""
    crumbs = [{"url": reverse("wagtailadmin_home"), "label": _("Home")}]
    crumbs += [{"url": url, "label": label} for url, label in trail]
    crumbs.append({"url": "", "label": title})
    return {"header_title": title, "header_icon": "clipboard-list", "breadcrumbs_items": crumbs}


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
            messages.success(request, done % {"course": review.course.title})
            return redirect("courses_admin:reviews")
    title = _("Review of “%(course)s”") % {"course": review.course.title}
    context = {
        "review": review,
        "form": form,
        **_header(title, (reverse("courses_admin:reviews"), _("Course reviews"))),
    }
    return render(request, "courses/admin/review_detail.html", context)
