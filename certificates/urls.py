"""Certificate URLs.

``urlpatterns`` (under ``certificates/``) and ``verify_patterns`` (under ``verify/``) sit
inside the language prefix; ``qr_patterns`` sit at the root, without one, because the QR
code printed on a certificate must work in whatever language its reader uses. The JSON
form is at the root only: machines need no language.
"""

from django.urls import path, re_path

from . import credential_views, views

urlpatterns = [
    path("", views.my_certificates, name="my_certificates"),
    path("register/", views.register, name="certificate_register"),
    path("jobs/", views.jobs, name="certificate_jobs"),
    path("jobs/<uuid:public_id>/", views.job_detail, name="certificate_job"),
    path("jobs/<uuid:public_id>/status/", views.job_status, name="certificate_job_status"),
    path(
        "enrolments/<uuid:public_id>/",
        views.enrolment_certificate,
        name="enrolment_certificate",
    ),
    path("<str:code>/", views.certificate_detail, name="certificate_detail"),
    path("<str:code>/download/", views.certificate_download, name="certificate_download"),
    path(
        "<str:code>/credential.json",
        credential_views.credential_download,
        name="certificate_credential",
    ),
    path("<str:code>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("<str:code>/reissue/", views.certificate_reissue, name="certificate_reissue"),
]

verify_patterns = [
    path("", views.verify_form, name="certificate_verify_form"),
    path("file/", credential_views.verify_file, name="certificate_verify_file"),
    # No dots: ``/verify/<code>.json`` at the root must not look like a page that only
    # lacks its language prefix, or Django's locale middleware would redirect it there.
    re_path(r"^(?P<code>[^/.]+)/$", views.verify, name="certificate_verify"),
]

# The QR code holds the address in capitals (see ``pdf.qr_address``).
qr_capital_patterns = [
    path("<str:code>/", views.verify_root, name="certificate_verify_qr_capitals"),
]

qr_patterns = [
    path("", views.verify_form, name="certificate_verify_form_root"),
    path(
        "<str:code>/credential.json",
        credential_views.credential_public,
        name="certificate_credential_public",
    ),
    path("<str:code>.json", views.verify_root_json, name="certificate_verify_qr_json"),
    path("<str:code>/", views.verify_root, name="certificate_verify_qr"),
]

# At the root, without a language: the DID document where ``did:web`` resolution looks
# for it, and the status lists at the addresses credentials name.
credential_patterns = [
    path(".well-known/did.json", credential_views.did_document, name="credentials_did"),
    path(
        "credentials/status/<int:number>.json",
        credential_views.status_list,
        name="credentials_status_list",
    ),
]
