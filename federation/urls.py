from django.urls import path

from . import views

urlpatterns = [
    path("accounts/organisation/", views.discover, name="sso_discover"),
    # Before allauth's own pattern for the same address (``saml_finish_acs``).
    path(
        "accounts/saml/<str:organization_slug>/acs/finish/",
        views.saml_finish,
        name="sso_saml_finish",
    ),
]
