"""A real SAML 2.0 identity provider for the federation tests: pysaml2's IdP
(``saml2.server.Server``) served over HTTP on 127.0.0.1 from a thread, with keys made at
test time. It publishes its metadata, takes an HTTP-Redirect AuthnRequest and answers with a
signed HTTP-POST Response, as a browser carries them.

``Behaviour`` lets a test make the IdP answer badly the way a broken or hostile one would:
for another audience, already expired, unsigned, signed with a key other than the one in
its metadata, or from another entity. The answer is still made by pysaml2 each time.
"""

from __future__ import annotations

import datetime
import html
import re
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.test import Client
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.assertion import Policy
from saml2.attribute_converter import AttributeConverter
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_EMAILADDRESS, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

# The attributes the IdP releases, by the friendly names its people records use, and the
# names they carry in assertions (URI name format, as Shibboleth or ADFS send them).
ATTRIBUTES = {
    "mail": "urn:oid:0.9.2342.19200300.100.1.3",
    "displayName": "urn:oid:2.16.840.1.113730.3.1.241",
    "nameLatin": "urn:example:attribute:name-latin",
    "preferredLanguage": "urn:oid:2.16.840.1.113730.3.1.39",
    "schoolCode": "urn:example:attribute:school-code",
    "eduPersonAffiliation": "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
}
PASSWORD_ONLY = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
SP_HOST = "http://testserver"
# Browsers always send Host; Django's test client does not unless told (python3-saml reads it).
HOST = {"HTTP_HOST": "testserver"}


def sp_entity_id(slug: str) -> str:
    return f"{SP_HOST}/{settings.LANGUAGE_CODE}/accounts/saml/{slug}/metadata/"


def key_pair(directory: Path, name: str) -> tuple[Path, Path]:
    """A fresh RSA key and self-signed certificate, as PEM files."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = directory / f"{name}.key", directory / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


# Another service the IdP knows; an answer meant for it (its audience) is not for us.
ANOTHER_SERVICE = "https://another-service.example/sp"


def sp_metadata(slugs: Iterable[str]) -> list[str]:
    """Our service provider as the IdP's administrator registers it: the entity ID the
    product shows and its ACS address in every language; and another service provider (at
    the same addresses, so that the IdP will address an answer for it to us)."""
    documents: list[str] = []
    for slug in slugs:
        entity_ids = (
            [sp_entity_id(slug), ANOTHER_SERVICE] if not documents else [sp_entity_id(slug)]
        )

        services = "".join(
            f'<md:AssertionConsumerService Binding="{BINDING_HTTP_POST}" '
            f'Location="{SP_HOST}/{code}/accounts/saml/{slug}/acs/" index="{index}"/>'
            for index, (code, _name) in enumerate(settings.LANGUAGES)
        )
        documents.extend(
            '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
            f'entityID="{entity_id}"><md:SPSSODescriptor AuthnRequestsSigned="false" '
            'WantAssertionsSigned="true" '
            'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
            f"{services}</md:SPSSODescriptor></md:EntityDescriptor>"
            for entity_id in entity_ids
        )
    return documents


@dataclass
class Behaviour:
    """How the IdP answers the next AuthnRequest; ``reset`` before every test."""

    audience: str | None = None  # None: the requesting SP
    lifetime_minutes: int = 15
    sign_assertion: bool = True
    sign_response: bool = True
    signer: str = "own"  # "own", "other-key" (same entity, another key), "other-entity"
    authn_context: str = PASSWORD_ONLY
    name_id_is_email: bool = True
    sign_alg: str = SIG_RSA_SHA256
    digest_alg: str = DIGEST_SHA256

    def reset(self) -> None:
        for name, value in Behaviour().__dict__.items():
            setattr(self, name, value)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class IdentityProvider:
    base_url: str
    servers: dict[str, Server]
    people: dict[str, dict[str, Any]]
    behaviour: Behaviour = field(default_factory=Behaviour)
    httpd: WSGIServer | None = None

    @property
    def entity_id(self) -> str:
        return f"{self.base_url}/metadata"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/metadata"

    def metadata(self, signer: str = "own") -> str:
        return create_metadata_string(None, config=self.servers[signer].config).decode()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path = environ["PATH_INFO"]
        if path == "/metadata":
            start_response("200 OK", [("Content-Type", "application/samlmetadata+xml")])
            return [self.metadata().encode()]
        if path == "/sso/redirect":
            query = parse_qs(environ.get("QUERY_STRING", ""))
            page = self.answer(
                query["SAMLRequest"][0],
                query.get("RelayState", [""])[0],
                query.get("person", [""])[0],
            )
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [page.encode()]
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    def answer(self, saml_request: str, relay_state: str, email: str) -> str:
        """The auto-posting page with the signed Response for ``email``."""
        own = self.servers["own"]
        request = own.parse_authn_request(saml_request, BINDING_HTTP_REDIRECT).message
        person = self.people[email]
        server = self.servers[self.behaviour.signer]
        behaviour = self.behaviour
        name_id = NameID(
            format=NAMEID_FORMAT_EMAILADDRESS
            if behaviour.name_id_is_email
            else NAMEID_FORMAT_PERSISTENT,
            text=email if behaviour.name_id_is_email else "id-" + email.replace("@", "-at-"),
        )
        policy = Policy({"default": {"lifetime": {"minutes": behaviour.lifetime_minutes}}})
        policy.acs = server.config.attribute_converters
        response = server.create_authn_response(
            identity=person["attributes"],
            in_response_to=request.id,
            destination=request.assertion_consumer_service_url,
            sp_entity_id=behaviour.audience or request.issuer.text,
            name_id=name_id,
            authn={"class_ref": person.get("authn_context", behaviour.authn_context)},
            sign_assertion=behaviour.sign_assertion,
            sign_response=behaviour.sign_response,
            sign_alg=behaviour.sign_alg,
            digest_alg=behaviour.digest_alg,
            release_policy=policy,
        )
        binding = server.apply_binding(
            BINDING_HTTP_POST,
            str(response),
            request.assertion_consumer_service_url,
            relay_state,
            response=True,
        )
        return binding["data"]

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()


def _config(base_url: str, entity_id: str, key: Path, cert: Path, sps: list[str]) -> IdPConfig:
    config = IdPConfig()
    converter = AttributeConverter(NAME_FORMAT_URI)
    converter.from_dict(
        {
            "identifier": NAME_FORMAT_URI,
            "to": ATTRIBUTES,
            "fro": {urn: name for name, urn in ATTRIBUTES.items()},
        }
    )
    config.load(
        {
            "entityid": entity_id,
            "service": {
                "idp": {
                    "endpoints": {
                        "single_sign_on_service": [
                            (f"{base_url}/sso/redirect", BINDING_HTTP_REDIRECT)
                        ],
                    },
                    "name_id_format": [NAMEID_FORMAT_EMAILADDRESS, NAMEID_FORMAT_PERSISTENT],
                    "want_authn_requests_signed": False,
                },
            },
            "key_file": str(key),
            "cert_file": str(cert),
            "metadata": {"inline": sps},
            "xmlsec_binary": shutil.which("xmlsec1"),
            "allow_unknown_attributes": True,
        }
    )
    config.attribute_converters = [converter]
    return config


def start(
    directory: Path, people: dict[str, dict[str, Any]], slugs: Iterable[str]
) -> IdentityProvider:
    httpd = make_server("127.0.0.1", 0, lambda environ, start: [], handler_class=_Quiet)
    base_url = f"http://127.0.0.1:{httpd.server_port}"
    sps = sp_metadata(slugs)
    own = key_pair(directory, "idp")
    other = key_pair(directory, "other")
    servers = {
        "own": Server(config=_config(base_url, f"{base_url}/metadata", *own, sps)),
        "other-key": Server(config=_config(base_url, f"{base_url}/metadata", *other, sps)),
        "other-entity": Server(config=_config(base_url, f"{base_url}/other", *other, sps)),
    }
    idp = IdentityProvider(base_url=base_url, servers=servers, people=people, httpd=httpd)
    httpd.set_app(idp)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return idp


FORM_FIELD = re.compile(r'<input[^>]*name="(?P<name>[^"]+)"[^>]*value="(?P<value>[^"]*)"')
FORM_ACTION = re.compile(r'<form[^>]*action="(?P<action>[^"]+)"')


def start_sign_in(client: Client, slug: str = "university", language: str = "en") -> str:
    """Press "Sign in with <organisation>": the address of the IdP with the AuthnRequest."""
    response = client.post(f"/{language}/accounts/saml/{slug}/login/", **HOST)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def sign_in_at_provider(sso_url: str, email: str) -> tuple[str, dict[str, str]]:
    """The person signs in at the IdP; returns where its auto-posting form goes and what
    it posts (SAMLResponse, RelayState)."""
    page = requests.get(sso_url, params={"person": email}, timeout=10)
    assert page.ok, page.text[:500]
    form = FORM_ACTION.search(page.text)
    assert form is not None, page.text[:500]
    action = html.unescape(form["action"])
    fields = {m["name"]: html.unescape(m["value"]) for m in FORM_FIELD.finditer(page.text)}
    return action, fields


def post_to_acs(client: Client, action: str, fields: dict[str, str]) -> Any:
    """The browser posts the IdP's form to our ACS; returns the product's final answer."""
    parts = urlsplit(action)
    assert parts.netloc == "testserver", action
    response = client.post(parts.path, fields, **HOST)
    assert response.status_code == 302, response.content[:500]
    return client.get(response["Location"], **HOST)


def saml_sign_in(client: Client, email: str, slug: str = "university", language: str = "en") -> Any:
    """The whole round trip; returns the product's answer to the posted Response."""
    action, fields = sign_in_at_provider(start_sign_in(client, slug, language), email)
    return post_to_acs(client, action, fields)
