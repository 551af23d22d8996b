"""The supervision pages' addresses, grouped by what they work on. Every record's address
names it by its unguessable public id; each name has its access policy in ``lms.access``."""

from django.urls import include, path

from .views import calibration, double_coding, offline, oversight, plan, records, visits

app_name = "supervision"

year = [
    path("", plan.year_detail, name="year_detail"),
    path("edit/", plan.year_update, name="year_update"),
    path("visits/add/", plan.visit_add, name="visit_add"),
]

# A visit's own pages first: the last pattern takes any other word as the move to make.
visit = [
    path("", visits.visit_detail, name="visit_detail"),
    path("notes/", visits.visit_notes, name="visit_notes"),
    path("report.pdf", visits.visit_report, name="visit_report"),
    path("co-observation/", double_coding.double_coding_visit, name="double_coding_visit"),
    path("co-observer/", double_coding.double_coding_assign, name="double_coding_assign"),
    path("observations/new/", records.observation_create, name="observation_create"),
    path("attachments/", records.attachment_add, name="attachment_add"),
    path("action-points/", records.action_point_add, name="action_point_add"),
    path("reviews/<uuid:point_id>/", records.action_point_review, name="action_point_review"),
    path("<slug:action>/", visits.visit_transition, name="visit_transition"),
]

observation = [
    path("", records.observation_detail, name="observation_detail"),
    path("edit/", records.observation_edit, name="observation_edit"),
    path("delete/", records.observation_delete, name="observation_delete"),
]

attachment = [
    path("", records.attachment_download, name="attachment_download"),
    path("delete/", records.attachment_delete, name="attachment_delete"),
]

action_point = [
    path("edit/", records.action_point_edit, name="action_point_edit"),
    path("delete/", records.action_point_delete, name="action_point_delete"),
]

calibration_urls = [
    path("", calibration.calibration_index, name="calibration_index"),
    path("register/", calibration.calibration_register, name="calibration_register"),
    path("agreement/", calibration.agreement_report, name="agreement_report"),
    path("exercises/<uuid:public_id>/", calibration.calibration_take, name="calibration_take"),
    path("attempts/<uuid:public_id>/", calibration.calibration_result, name="calibration_result"),
]

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
    path("calibration/", include(calibration_urls)),
    path("double-coding/", double_coding.double_coding_list, name="double_coding_list"),
    path("years/<uuid:public_id>/", include(year)),
    path("visits/<uuid:public_id>/", include(visit)),
    path("observations/<uuid:public_id>/", include(observation)),
    path("attachments/<uuid:public_id>/", include(attachment)),
    path("action-points/<uuid:public_id>/", include(action_point)),
]
