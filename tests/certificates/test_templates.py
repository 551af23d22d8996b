"""Certificate templates: a versioned snippet whose texts are checked when saved (an
unknown placeholder is refused with the list of valid ones), edited and published in the
admin by programme managers, drafted by trainers, previewed as a PDF."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory

from certificates.models import CertificateTemplate, check_placeholders
from certificates.setup import ensure_default_template
from tests.factories import admin_in_english
from tests.factories.certificates import publish_template

from .conftest import World

VALID = "{name}, {name_alt}, {course}, {hours}, {completion_date}, {provider}"
ADD_URL = "/admin/snippets/certificates/certificatetemplate/add/"


def form_data(**fields: Any) -> dict[str, Any]:
    data = {
        "name": "Autumn certificate",
        "language": "kk",
        "validity_years": "",
        "title_kk": "Сертификат",
        "subtitle_kk": "",
        "body_kk": "«{course}» курсын аяқтады ({hours}).",
        "title_ru": "",
        "subtitle_ru": "",
        "body_ru": "",
        "title_en": "",
        "subtitle_en": "",
        "body_en": "",
        "signatories-TOTAL_FORMS": "0",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "3",
    }
    data.update(fields)
    return data


def test_an_unknown_placeholder_is_refused_with_the_valid_ones(db: None) -> None:
    template = CertificateTemplate(
        name="Typo", language="en", title_en="Certificate", body_en="Well done, {nmae}! {course}"
    )
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    [message] = error.value.message_dict["body_en"]
    assert message == (f"Unknown placeholder {{nmae}}. The placeholders you can use are: {VALID}.")


def test_stray_braces_and_missing_texts_are_refused(db: None) -> None:
    assert check_placeholders("{course} {") == ["{"]
    assert check_placeholders("{ name } and {course}") == []
    template = CertificateTemplate(
        name="Bilingual", language="kk+ru", title_kk="Сертификат", body_kk="{course}}"
    )
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    errors = error.value.message_dict
    assert "body_kk" in errors  # the stray brace
    assert errors["title_ru"] == ["A certificate in this template's language needs this text."]
    assert errors["body_ru"] == ["A certificate in this template's language needs this text."]
    assert "title_en" not in errors


def test_there_is_one_default_and_a_course_uses_one_template(world: World) -> None:
    default = ensure_default_template()
    second = CertificateTemplate(
        name="Another default", language="en", title_en="C", body_en="{course}", is_default=True
    )
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert default.name in error.value.message_dict["is_default"][0]

    publish_template(name="First", courses=[world.course])
    other = CertificateTemplate(name="Second", language="en", title_en="C", body_en="{course}")
    other.courses = [world.course]
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "“First” already lists" in error.value.message_dict["courses"][0]


def test_a_manager_publishes_a_template_in_the_admin_and_a_bad_one_is_refused(
    world: World, client: Client
) -> None:
    admin_in_english(world.manager)
    client.force_login(world.manager)
    assert client.get(ADD_URL).status_code == 200
    refused = client.post(
        ADD_URL, form_data(body_kk="{course} — {hourz}", **{"action-publish": "1"})
    )
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Unknown placeholder {hourz}" in html
    assert "{completion_date}" in html
    assert not CertificateTemplate.objects.filter(name="Autumn certificate").exists()

    created = client.post(ADD_URL, form_data(courses=[world.course.pk], **{"action-publish": "1"}))
    assert created.status_code == 302
    template = CertificateTemplate.objects.get(name="Autumn certificate")
    assert template.live
    assert template.live_revision is not None
    assert list(template.courses.all()) == [world.course]


def test_a_trainer_drafts_but_cannot_publish(world: World, client: Client) -> None:
    client.force_login(world.trainer)
    response = client.post(ADD_URL, form_data(**{"action-publish": "1"}))
    assert response.status_code in (302, 200)
    template = CertificateTemplate.objects.get(name="Autumn certificate")
    assert not template.live
    assert world.trainer.has_perm("certificates.change_certificatetemplate")
    assert not world.trainer.has_perm("certificates.publish_certificatetemplate")
    assert world.manager.has_perm("certificates.publish_certificatetemplate")


def test_drafts_do_not_change_what_is_issued(world: World, finish: Any) -> None:
    from certificates.models import Certificate

    template = publish_template(courses=[world.course])
    template.body_kk = "Жоба: {course}"
    template.save_revision()  # a draft, not published
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert "Жоба" not in certificate.snapshot["texts"]["kk"]["body"]
    assert certificate.template_revision_id == template.live_revision_id


def test_the_preview_is_the_certificate_for_a_sample_person(db: None) -> None:
    template = ensure_default_template()
    assert [mode for mode, _label in template.preview_modes] == ["kk", "ru", "en"]
    response = template.serve_preview(RequestFactory().get("/"), "ru")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-1.7")
