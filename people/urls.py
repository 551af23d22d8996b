from django.urls import path

from . import views

urlpatterns = [
    path("people/", views.person_list, name="person_list"),
    path("people/add/", views.person_create, name="person_create"),
    path("people/<uuid:public_id>/", views.person_detail, name="person_detail"),
    path("people/<uuid:public_id>/details/", views.person_update, name="person_update"),
    path("people/<uuid:public_id>/roles/", views.membership_grant, name="membership_grant"),
    path(
        "people/<uuid:public_id>/roles/<int:membership_id>/end/",
        views.membership_end,
        name="membership_end",
    ),
    path("people/<uuid:public_id>/invite/", views.invitation_send, name="invitation_send"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("account/profile/", views.profile, name="profile"),
    path("account/roles-offered/<uuid:public_id>/", views.role_offer, name="role_offer"),
]
