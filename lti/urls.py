from django.urls import path

from . import views

# Not under a language prefix: a platform's administrator registers these once.
urlpatterns = [
    path("jwks/", views.jwks, name="lti_jwks"),
    path("login/", views.login_initiation, name="lti_login"),
    path("launch/", views.launch, name="lti_launch"),
    path("deep-link/", views.launch, name="lti_deep_link"),
    path("deep-link/choose/", views.deep_link_choose, name="lti_deep_link_choose"),
]
