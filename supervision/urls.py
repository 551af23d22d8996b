from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    path("caseload/", views.caseload, name="caseload"),
    path("schools/", views.school_list, name="school_list"),
    path("coverage/", views.coverage, name="coverage"),
    path("action-points/", views.action_point_list, name="action_point_list"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline_page, name="offline"),
    path("offline/manifest/", views.offline_manifest, name="offline_manifest"),
    path("practice/", views.practice_mine, name="practice_mine"),
    path("practice/<uuid:public_id>/", views.practice_person, name="practice_person"),
    path("schools/<slug:school_code>/years/new/", views.year_create, name="year_create"),
    path("years/<uuid:public_id>/", views.year_detail, name="year_detail"),
    path("years/<uuid:public_id>/edit/", views.year_update, name="year_update"),
    path("years/<uuid:public_id>/visits/add/", views.visit_add, name="visit_add"),
    path("visits/<uuid:public_id>/", views.visit_detail, name="visit_detail"),
    path("visits/<uuid:public_id>/notes/", views.visit_notes, name="visit_notes"),
    path("visits/<uuid:public_id>/report.pdf", views.visit_report, name="visit_report"),
    path(
        "visits/<uuid:public_id>/observations/new/",
        views.observation_create,
        name="observation_create",
    ),
    path("visits/<uuid:public_id>/attachments/", views.attachment_add, name="attachment_add"),
    path("visits/<uuid:public_id>/action-points/", views.action_point_add, name="action_point_add"),
    path(
        "visits/<uuid:public_id>/reviews/<uuid:point_id>/",
        views.action_point_review,
        name="action_point_review",
    ),
    path(
        "visits/<uuid:public_id>/<slug:action>/",
        views.visit_transition,
        name="visit_transition",
    ),
    path("observations/<uuid:public_id>/", views.observation_detail, name="observation_detail"),
    path("observations/<uuid:public_id>/edit/", views.observation_edit, name="observation_edit"),
    path(
        "observations/<uuid:public_id>/delete/",
        views.observation_delete,
        name="observation_delete",
    ),
    path("attachments/<uuid:public_id>/", views.attachment_download, name="attachment_download"),
    path("attachments/<uuid:public_id>/delete/", views.attachment_delete, name="attachment_delete"),
    path("action-points/<uuid:public_id>/edit/", views.action_point_edit, name="action_point_edit"),
    path(
        "action-points/<uuid:public_id>/delete/",
        views.action_point_delete,
        name="action_point_delete",
    ),
]
