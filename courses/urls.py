from django.urls import path

from . import views

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("courses/<int:page_id>/enrol/", views.enrol, name="course_enrol"),
    path("courses/<int:page_id>/leave/", views.leave, name="course_leave"),
    path("courses/<int:page_id>/cohort/", views.cohort_enrol, name="cohort_enrol"),
    path("modules/<int:page_id>/done/", views.module_done, name="module_done"),
    path("modules/<int:page_id>/check/", views.knowledge_check, name="module_check"),
    path("modules/<int:page_id>/reflection/", views.reflection_submit, name="module_reflection"),
    path("reports/", views.report_list, name="course_reports"),
    path("reports/<int:page_id>/", views.course_report, name="course_report"),
    path("reflections/", views.reflection_queue, name="reflection_queue"),
    path("reflections/<uuid:public_id>/review/", views.reflection_review, name="reflection_review"),
]
