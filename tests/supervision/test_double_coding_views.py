"""The double-coding pages: the coordinator sets the share and picks visits, the
co-observer scores blind on the pair page, the visit's own supervisor is refused as
co-observer with a message, and the agreement report shows pairs."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from supervision.models import DoubleCoding, DoubleCodingShare, Observation

from .conftest import World
from .double_coding_helpers import co_scores, coded_visit, second_supervisor


def signed_in(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def pair_url(coding: DoubleCoding) -> str:
    return reverse("supervision:double_coding_visit", kwargs={"public_id": coding.visit.public_id})


def test_double_coding_list_sets_the_share_for_the_coordinators_region(world: World) -> None:
    client = signed_in(world.coordinator_a)
    url = reverse("supervision:double_coding_list")
    page = client.get(url)
    assert page.status_code == 200
    assert "Region A" in page.content.decode()
    answer = client.post(url, {"action": "share", "region": world.region_a.pk, "share": "20"})
    assert answer.status_code == 302
    assert DoubleCodingShare.objects.get(region=world.region_a).share == 20
    # Region B is not theirs: not a choice, nothing saved.
    client.post(url, {"action": "share", "region": world.region_b.pk, "share": "30"})
    assert not DoubleCodingShare.objects.filter(region=world.region_b).exists()
    assert signed_in(world.teacher_a1).get(url).status_code == 403


def test_double_coding_pair_page_is_blind_until_both_submit(world: World) -> None:
    a2 = second_supervisor(world)
    coding = coded_visit(world, a2, [4, 4, 4], None, submit_visit=False)
    co_client = signed_in(a2)
    page = co_client.get(pair_url(coding)).content.decode()
    assert "Your scores" in page
    assert "Average 4.0" not in page
    # The co-observer cannot open the lead's observation meanwhile.
    observation = Observation.objects.get()
    detail = reverse("supervision:observation_detail", kwargs={"public_id": observation.public_id})
    world.supervisor_a1.refresh_from_db()
    assert co_client.get(detail).status_code in (403, 404)
    bad = co_client.post(pair_url(coding), {})
    assert bad.status_code == 400
    assert "Give a score for this indicator." in bad.content.decode()
    done = co_client.post(pair_url(coding), co_scores(coding.visit, [1, 1, 1]))
    assert done.status_code == 302
    lead_page = signed_in(world.supervisor_a1).get(pair_url(coding)).content.decode()
    assert "Agreement of the pair" not in lead_page  # the visit is not submitted yet
    signed_in(world.supervisor_a1).post(
        reverse(
            "supervision:visit_transition",
            kwargs={"public_id": coding.visit.public_id, "action": "submit"},
        )
    )
    for reader in (world.supervisor_a1, a2, world.coordinator_a):
        text = signed_in(reader).get(pair_url(coding)).content.decode()
        assert "Agreement of the pair" in text
    # The school's leader and another region's coordinator do not reach it.
    assert signed_in(world.leader_a1).get(pair_url(coding)).status_code == 404
    assert signed_in(world.coordinator_b).get(pair_url(coding)).status_code == 404


def test_double_coding_own_supervisor_refused_with_a_message(world: World) -> None:
    a2 = second_supervisor(world)
    coding = coded_visit(world, a2, [3, 3, 3], None, submit_visit=False)
    client = signed_in(world.coordinator_a)
    url = reverse("supervision:double_coding_assign", kwargs={"public_id": coding.visit.public_id})
    answer = client.post(url, {"co_observer": world.supervisor_a1.pk}, follow=True)
    assert "own supervisor and cannot co-observe it" in answer.content.decode()
    coding.refresh_from_db()
    assert coding.co_observer == a2


def test_double_coding_agreement_report_shows_pairs(world: World) -> None:
    a2 = second_supervisor(world, "Aigul")
    coded_visit(world, a2, [3, 3, 3], [3, 3, 3])
    text = signed_in(world.coordinator_a).get(reverse("supervision:agreement_report"))
    body = text.content.decode()
    assert "By pair of supervisors" in body
    assert "Aigul · Supervisor A1" in body


def test_double_coding_co_observer_who_supervises_the_school_reads_no_lead_scores_early(
    world: World,
) -> None:
    """A co-observer who is also a supervisor of the visit's school reads the school's
    observations; until the pair is complete the lead's scores of the co-observed visit
    are missing from every page that shows scores: the practice page, its chart, growth."""
    from datetime import date

    from people.roles import Role
    from supervision.selectors.growth import growth_for
    from supervision.selectors.records import observation_list_for
    from tests.factories import grant

    a2 = second_supervisor(world)
    grant(a2, Role.SUPERVISOR, school=world.school_a1)
    coding = coded_visit(world, a2, [4, 4, 4], None)  # the lead submitted, a2 has not
    observation = Observation.objects.get()
    year = coding.visit.planned_on.year
    window = {"starts_on": date(year - 1, 1, 1), "ends_before": date(year + 1, 12, 31)}

    assert not observation_list_for(user=a2, person=world.tutor_a1).exists()
    assert growth_for(user=a2, **window).is_empty
    practice = reverse(
        "supervision:practice_person", kwargs={"public_id": world.tutor_a1.public_id}
    )
    page = signed_in(a2).get(practice)
    assert page.status_code == 200
    assert str(observation.public_id) not in page.content.decode()
    # The lead, and the coordinator, read it all along.
    assert observation_list_for(user=world.supervisor_a1, person=world.tutor_a1).exists()
    assert not growth_for(user=world.coordinator_a, **window).is_empty

    signed_in(a2).post(pair_url(coding), co_scores(coding.visit, [4, 3, 4]))
    coding.refresh_from_db()
    assert coding.is_complete
    assert observation_list_for(user=a2, person=world.tutor_a1).exists()
    assert not growth_for(user=a2, **window).is_empty
    assert str(observation.public_id) in signed_in(a2).get(practice).content.decode()
