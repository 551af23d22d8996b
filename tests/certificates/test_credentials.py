"""Every certificate is also an Open Badges 3.0 credential with an ``eddsa-rdfc-2022``
proof, checked here by an independent verifier (rdflib + pyoxigraph + PyNaCl), never by the
signer's own code; its status list bit is set on revoke, reissue and erase; a key rotation
keeps old credentials verifiable."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from certificates import services
from certificates.credentials import did, keys
from certificates.models import Certificate, CertificateCredential, StatusList

from . import independent
from .conftest import World


@pytest.fixture
def key_dir(settings: Any, tmp_path: Path) -> Path:
    """Keys of this test only, created on first use as on a fresh checkout."""
    settings.CREDENTIALS_KEY_DIR = tmp_path / "keys"
    settings.CREDENTIALS_ED25519_KEY = ""
    settings.CREDENTIALS_RETIRED_KEYS = []
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_CERT = ""
    settings.CREDENTIALS_CREATE_KEYS = True
    keys.clear_cache()
    return tmp_path / "keys"


def published(client: Client) -> tuple[dict[str, Any], Any]:
    did_document = client.get("/.well-known/did.json").json()
    return did_document, lambda number: client.get(f"/credentials/status/{number}.json").json()


def issued(world: World, finish: Any) -> tuple[Certificate, dict[str, Any]]:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    return certificate, CertificateCredential.objects.get(certificate=certificate).document


def test_the_issued_credential_verifies_with_an_independent_verifier(
    world: World, finish: Any, key_dir: Path
) -> None:
    certificate, credential = issued(world, finish)
    did_document, _ = published(Client())
    assert independent.verify(credential, did_document)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["issuer"]["id"] == did_document["id"] == "did:web:testserver"
    assert credential["id"] == certificate.verify_url
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == certificate.course_title
    assert "академиялық сағат" in achievement["criteria"]["narrative"]  # Kazakh, the tutor's
    assert credential["proof"]["proofPurpose"] == "assertionMethod"


def test_the_recipient_is_a_salted_hash_of_the_address_and_no_name(
    world: World, finish: Any, key_dir: Path
) -> None:
    _, credential = issued(world, finish)
    identity = credential["credentialSubject"]["identifier"][0]
    assert identity["identityType"] == "emailAddress"
    assert identity["hashed"] is True
    expected = hashlib.sha256((world.tutor.email.lower() + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    text = json.dumps(credential, ensure_ascii=False)
    assert world.tutor.email not in text
    assert world.tutor.full_name not in text
    assert world.tutor.full_name_alt not in text


def test_a_changed_credential_or_a_foreign_key_does_not_verify(
    world: World, finish: Any, key_dir: Path
) -> None:
    _, credential = issued(world, finish)
    did_document, _ = published(Client())
    changed = copy.deepcopy(credential)
    changed["credentialSubject"]["achievement"]["name"] += "!"
    assert not independent.verify(changed, did_document)
    later = copy.deepcopy(credential)
    later["validFrom"] = "2030-01-01T00:00:00Z"
    assert not independent.verify(later, did_document)
    foreign = copy.deepcopy(credential)
    foreign["proof"]["verificationMethod"] = (
        "did:web:example.org#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    )
    assert not independent.verify(foreign, did_document)


def test_validity_ends_with_the_template_validity(world: World, finish: Any, key_dir: Path) -> None:
    from tests.factories.certificates import publish_template

    publish_template(courses=[world.course], validity_years=5)
    certificate, credential = issued(world, finish)
    assert certificate.expires_on is not None
    # The last second of the day in Kazakhstan (UTC+5).
    assert credential["validUntil"] == f"{certificate.expires_on.isoformat()}T18:59:59Z"
    assert independent.verify(credential, published(Client())[0])


def test_revoking_sets_the_status_bit_in_the_signed_published_list(
    world: World, finish: Any, key_dir: Path
) -> None:
    certificate, credential = issued(world, finish)
    entry = credential["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusPurpose"] == "revocation"
    client = Client()
    did_document, status_list = published(client)
    number = int(entry["statusListCredential"].rsplit("/", 1)[1].split(".")[0])
    index = int(entry["statusListIndex"])
    before = status_list(number)
    assert before["id"] == entry["statusListCredential"]
    assert independent.verify(before, did_document)
    assert not independent.status_bit(before, index)

    services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Forged")

    after = status_list(number)
    assert independent.verify(after, did_document)
    assert independent.status_bit(after, index)
    # The credential itself still verifies: revocation is the list's to say.
    assert independent.verify(credential, did_document)


def test_a_reissue_sets_the_old_bit_and_gives_the_new_one_its_own_entry(
    world: World, finish: Any, key_dir: Path
) -> None:
    certificate, credential = issued(world, finish)
    replacement = services.certificate_reissue(
        actor=world.manager, certificate=certificate, reason="Name corrected"
    )
    new = CertificateCredential.objects.get(certificate=replacement).document
    _, status_list = published(Client())
    listed = status_list(1)
    assert independent.status_bit(listed, int(credential["credentialStatus"]["statusListIndex"]))
    assert not independent.status_bit(listed, int(new["credentialStatus"]["statusListIndex"]))
    assert (
        new["credentialStatus"]["statusListIndex"]
        != credential["credentialStatus"]["statusListIndex"]
    )


def test_erasing_the_person_sets_the_bit_and_drops_the_stored_credential(
    world: World, finish: Any, key_dir: Path
) -> None:
    from certificates import privacy

    certificate, credential = issued(world, finish)
    privacy.erase(world.tutor, world.manager)
    stored = CertificateCredential.objects.get(certificate=certificate)
    assert stored.document == {}
    _, status_list = published(Client())
    assert independent.status_bit(
        status_list(1), int(credential["credentialStatus"]["statusListIndex"])
    )
    assert Client().get(f"/verify/{certificate.grouped_code}/credential.json").status_code == 404


def test_after_a_rotation_old_and_new_credentials_both_verify(
    world: World, finish: Any, key_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    _, old = issued(world, finish)
    old_method = old["proof"]["verificationMethod"]
    call_command("certificates_keys", "--rotate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    finish(world.tutor_b, world.course)
    new = CertificateCredential.objects.exclude(document=old).get().document
    assert new["proof"]["verificationMethod"] != old_method
    did_document, status_list = published(Client())
    assert len(did_document["verificationMethod"]) == 2
    assert independent.verify(old, did_document)
    assert independent.verify(new, did_document)
    # The status list is signed again with the new key.
    listed = status_list(1)
    assert listed["proof"]["verificationMethod"] == new["proof"]["verificationMethod"]
    assert independent.verify(listed, did_document)


def test_without_the_retired_key_an_old_credential_no_longer_verifies(
    world: World, finish: Any, key_dir: Path
) -> None:
    """The retired key is what keeps old credentials valid: drop it and they fail."""
    _, old = issued(world, finish)
    keys.rotate_credential_key()
    (key_dir / keys.RETIRED_KEYS_FILE).unlink()
    keys.clear_cache()
    did_document, _ = published(Client())
    assert not independent.verify(old, did_document)


def test_the_keys_command_creates_keys_once_and_shows_them(
    key_dir: Path, settings: Any, capsys: Any
) -> None:
    settings.CREDENTIALS_CREATE_KEYS = False
    with pytest.raises(keys.KeyMissing):
        keys.credential_keys()
    call_command("certificates_keys")
    first = (key_dir / keys.CREDENTIAL_KEY_FILE).read_bytes()
    assert (key_dir / keys.SIGNING_CERT_FILE).exists()
    assert oct((key_dir / keys.SIGNING_KEY_FILE).stat().st_mode & 0o777) == "0o600"
    call_command("certificates_keys")
    assert (key_dir / keys.CREDENTIAL_KEY_FILE).read_bytes() == first
    out = capsys.readouterr().out
    assert "Every key is in place." in out
    assert keys.credential_keys().current_id in out


def test_keys_may_come_from_the_environment(key_dir: Path, settings: Any) -> None:
    pem = keys.new_credential_key_pem().decode()
    settings.CREDENTIALS_ED25519_KEY = pem.replace("\n", "\\n")
    keys.clear_cache()
    loaded = keys.credential_keys()
    assert not (key_dir / keys.CREDENTIAL_KEY_FILE).exists()
    from cryptography.hazmat.primitives import serialization

    expected = serialization.load_pem_private_key(pem.encode(), password=None)
    assert loaded.current_id == keys.public_multibase(expected.public_key())
    assert did.did_document()["verificationMethod"][0]["publicKeyMultibase"] == loaded.current_id


def test_status_lists_grow_by_entry_and_start_a_new_list_when_full(
    world: World, finish: Any, key_dir: Path
) -> None:
    finish(world.tutor, world.course)
    status_list = StatusList.objects.get()
    StatusList.objects.filter(pk=status_list.pk).update(next_index=status_list.size)
    finish(world.tutor_b, world.course)
    assert StatusList.objects.count() == 2
    newest = CertificateCredential.objects.order_by("-pk").first()
    assert newest is not None
    assert newest.document["credentialStatus"]["statusListCredential"].endswith("/2.json")
    assert newest.status_index == 0
