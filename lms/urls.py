from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates import urls as certificate_urls
from people.views import language_set

from . import views

urlpatterns = [
    path("", views.root, name="root"),
    path("healthz/", views.health, name="health"),
    path("readyz/", views.ready, name="ready"),
    path("i18n/setlang/", language_set, name="language_set"),
    # The admin signs in through the product's sign-in page (with its throttling and MFA).
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The address printed as a QR code on certificates: it must work without a language.
    path("verify/", include(certificate_urls.qr_patterns)),
    path("VERIFY/", include(certificate_urls.qr_capital_patterns)),
    path("", include(certificate_urls.credential_patterns)),
    # LTI 1.3: addresses a platform registers once, without a language.
    path("lti/", include("lti.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("federation.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/data/", views.my_data, name="my_data"),
    path("people/<uuid:public_id>/erase/", views.person_erase, name="person_erase"),
    path("", include("people.urls")),
    path("learning/", include("courses.urls")),
    path("supervision/", include("supervision.urls")),
    path("certificates/", include("certificates.urls")),
    path("verify/", include(certificate_urls.verify_patterns)),
    path("programmes/", include("programmes.urls")),
    # Wagtail's own front-end sign-in is Django's plain LoginView, without the throttling
    # and the second factor of the product's sign-in page: send it there instead.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login_redirect",
    ),
    # Wagtail serves the course pages; it must come last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler403 = "lms.views.permission_denied"
handler404 = "lms.views.page_not_found"
handler500 = "lms.views.server_error"
