from django.urls import path

from . import views

urlpatterns = [
    path("accounts/organisation/", views.discover, name="sso_discover"),
]
