from django.urls import path

from . import report_views, views

urlpatterns = [
    path("", views.programme_index, name="programme_index"),
    path("imports/", views.import_new, name="staff_import_new"),
    path("imports/template/", views.import_template, name="staff_import_template"),
    path("imports/staff-list/", views.staff_list, name="staff_list"),
    path("imports/<uuid:public_id>/", views.import_detail, name="staff_import_detail"),
    path("imports/<uuid:public_id>/start/", views.import_start, name="staff_import_start"),
    path(
        "reports/unsubscribe/<uuid:token>/",
        report_views.report_unsubscribe,
        name="report_unsubscribe",
    ),
    path("reports/<uuid:public_id>/stop/", report_views.report_stop, name="programme_report_stop"),
    path("people/<uuid:public_id>/", views.person_record, name="training_record"),
    path("<slug:code>/", views.dashboard, name="programme_dashboard"),
    path("<slug:code>/indicators/", views.indicators, name="programme_indicators"),
    path("<slug:code>/reports/", report_views.report_list, name="programme_reports"),
    path("<slug:code>/regions/<slug:region_code>/", views.region_detail, name="programme_region"),
    path("<slug:code>/schools/<slug:school_code>/", views.school_detail, name="programme_school"),
]
