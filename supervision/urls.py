from django.urls import path

from .views import offline, oversight, plan, records, visits

app_name = "supervision"

urlpatterns = [
    path("", plan.index, name="index"),
    path("caseload/", plan.caseload, name="caseload"),
    path("schools/", plan.school_list, name="school_list"),
    path("coverage/", oversight.coverage, name="coverage"),
    path("action-points/", oversight.action_point_list, name="action_point_list"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("offline/", offline.offline_page, name="offline"),
    path("offline/manifest/", offline.offline_manifest, name="offline_manifest"),
    path("practice/", oversight.practice_mine, name="practice_mine"),
    path("practice/<uuid:public_id>/", oversight.practice_person, name="practice_person"),
    path("schools/<slug:school_code>/years/new/", plan.year_create, name="year_create"),
    path("years/<uuid:public_id>/", plan.year_detail, name="year_detail"),
    path("years/<uuid:public_id>/edit/", plan.year_update, name="year_update"),
    path("years/<uuid:public_id>/visits/add/", plan.visit_add, name="visit_add"),
    path("visits/<uuid:public_id>/", visits.visit_detail, name="visit_detail"),
    path("visits/<uuid:public_id>/notes/", visits.visit_notes, name="visit_notes"),
    path("visits/<uuid:public_id>/report.pdf", visits.visit_report, name="visit_report"),
    path(
        "visits/<uuid:public_id>/observations/new/",
        records.observation_create,
        name="observation_create",
    ),
    path("visits/<uuid:public_id>/attachments/", records.attachment_add, name="attachment_add"),
    path(
        "visits/<uuid:public_id>/action-points/", records.action_point_add, name="action_point_add"
    ),
    path(
        "visits/<uuid:public_id>/reviews/<uuid:point_id>/",
        records.action_point_review,
        name="action_point_review",
    ),
    path(
        "visits/<uuid:public_id>/<slug:action>/",
        visits.visit_transition,
        name="visit_transition",
    ),
    path("observations/<uuid:public_id>/", records.observation_detail, name="observation_detail"),
    path("observations/<uuid:public_id>/edit/", records.observation_edit, name="observation_edit"),
    path(
        "observations/<uuid:public_id>/delete/",
        records.observation_delete,
        name="observation_delete",
    ),
    path("attachments/<uuid:public_id>/", records.attachment_download, name="attachment_download"),
    path(
        "attachments/<uuid:public_id>/delete/", records.attachment_delete, name="attachment_delete"
    ),
    path(
        "action-points/<uuid:public_id>/edit/", records.action_point_edit, name="action_point_edit"
    ),
    path(
        "action-points/<uuid:public_id>/delete/",
        records.action_point_delete,
        name="action_point_delete",
    ),
]
