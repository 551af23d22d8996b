"""Admin registration for places and training areas, and the audit actions of people."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Region, School, SupportRoom, TrainingArea

NAME_PANELS = [
    FieldRowPanel(
        [FieldPanel("name_kk"), FieldPanel("name_ru"), FieldPanel("name_en")],
        heading=_("Name"),
    )
]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "code", "kind"]
    search_fields = ["name_kk", "name_ru", "name_en", "code"]
    panels = [*NAME_PANELS, FieldPanel("code"), FieldPanel("kind")]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "region", "locality", "is_rural"]
    list_filter = ["region", "is_rural"]
    search_fields = ["name_kk", "name_ru", "name_en", "code", "locality"]
    panels = [
        *NAME_PANELS,
        FieldPanel("code"),
        FieldPanel("region"),
        MultiFieldPanel([FieldPanel("locality"), FieldPanel("is_rural")], heading=_("Place")),
    ]


class SupportRoomViewSet(SnippetViewSet):
    model = SupportRoom
    icon = "group"
    menu_label = _("Support rooms")
    list_display = ["school", "opened_on", "sen_children_included", "sen_places"]
    panels = [
        FieldPanel("school"),
        FieldPanel("opened_on"),
        FieldRowPanel([FieldPanel("sen_children_included"), FieldPanel("sen_places")]),
    ]


class TrainingAreaViewSet(SnippetViewSet):
    model = TrainingArea
    icon = "tag"
    menu_label = _("Tutor training areas")
    list_display = ["name", "code", "sort_order", "is_active"]
    panels = [*NAME_PANELS, FieldPanel("code"), FieldPanel("sort_order"), FieldPanel("is_active")]


class PlacesViewSetGroup(SnippetViewSetGroup):
    items = (RegionViewSet, SchoolViewSet, SupportRoomViewSet, TrainingAreaViewSet)
    menu_icon = "site"
    menu_label = _("Places")
    menu_name = "places"
    menu_order = 300


register_snippet(PlacesViewSetGroup)


@hooks.register("register_log_actions")
def register_people_actions(actions: LogActionRegistry) -> None:
    actions.register_action("people.person.create", _("Add person"), _("Person added"))
    actions.register_action(
        "people.person.update", _("Change person"), _("Person's details changed")
    )
    actions.register_action("people.membership.grant", _("Give role"), _("Role given"))
    actions.register_action("people.membership.end", _("End role"), _("Role ended"))
    actions.register_action("people.invitation.send", _("Send invitation"), _("Invitation sent"))
    actions.register_action(
        "people.invitation.accept", _("Accept invitation"), _("Invitation accepted")
    )
    actions.register_action(
        "people.person.erase", _("Erase personal data"), _("Personal data erased")
    )
    actions.register_action("people.role_offer.create", _("Offer role"), _("Role offered"))
    actions.register_action(
        "people.role_offer.accept", _("Accept role offer"), _("Role offer accepted")
    )
    actions.register_action(
        "people.role_offer.decline", _("Decline role offer"), _("Role offer declined")
    )
