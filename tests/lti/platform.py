"""A small LTI 1.3 platform for the tests, run in a thread on 127.0.0.1: it signs launches
with its own RSA key as Moodle or Canvas would, and checks what the tool sends it.

Endpoints: its key set (``/jwks``); the OIDC authentication endpoint (``/auth``), which
checks the tool's login-initiation redirect and answers with the form post carrying a
signed ``id_token`` with the tool's ``state`` and ``nonce``; the token endpoint
(``/token``), which accepts a client-credentials grant only with a client assertion that
verifies against the tool's key set fetched over HTTP; a line item's scores endpoint
(``/lineitems/<n>/scores``), which records each score; and a deep-linking return address
(``/deep-link-return``), which verifies the tool's response with the tool's key set.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
CLIENT_ID = "qamqor-tool"
DEPLOYMENT_ID = "deployment-1"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"


def new_key() -> tuple[str, dict[str, Any]]:
    """A private key in PEM and its public JWK (with a ``kid``)."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    jwk = json.loads(JWK.from_pem(pem.encode()).export_public())
    jwk.update({"kid": uuid.uuid4().hex, "alg": "RS256", "use": "sig"})
    return pem, jwk


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.action = values.get("action", "")
        if tag == "input" and values.get("name"):
            self.fields[values["name"]] = values.get("value", "")


def form_of(html: str) -> tuple[str, dict[str, str]]:
    """The action and fields of the (first) form in ``html``."""
    parser = _Form()
    parser.feed(html)
    return parser.action, parser.fields


@dataclass
class Platform:
    server: ThreadingHTTPServer
    private_pem: str
    public_jwk: dict[str, Any]
    # The tool's redirect URLs as registered here, and where its key set is.
    redirect_uris: set[str] = field(default_factory=set)
    tool_jwks_url: str = ""
    # login_hint -> the claims of that user's next launch (besides iss, aud, nonce...).
    launches: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: dict[str, list[str]] = field(default_factory=dict)
    scores: list[dict[str, Any]] = field(default_factory=list)
    deep_link_responses: list[dict[str, Any]] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    # How many score posts to answer with 503 (a gradebook briefly down) before accepting.
    unavailable_scores: int = 0

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def issuer(self) -> str:
        return self.url

    def lineitem(self, number: int = 1) -> str:
        return f"{self.url}/lineitems/{number}"

    def sign(
        self, claims: dict[str, Any], *, key: str | None = None, kid: str | None = None
    ) -> str:
        headers = {"kid": kid or self.public_jwk["kid"]}
        return jwt.encode(claims, key or self.private_pem, algorithm="RS256", headers=headers)

    def id_token_claims(self, login_hint: str, nonce: str) -> dict[str, Any]:
        now = int(time.time())
        return {
            "iss": self.issuer,
            "aud": [CLIENT_ID],
            "azp": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            LTI + "deployment_id": DEPLOYMENT_ID,
            LTI + "version": "1.3.0",
            **self.launches[login_hint],
        }

    def tool_keys(self) -> dict[str, Any]:
        response = requests.get(self.tool_jwks_url, timeout=10)
        response.raise_for_status()
        return response.json()

    def verify_from_tool(self, token: str, *, audience: str) -> dict[str, Any]:
        """Verify a token the tool signed against the tool's key set fetched over HTTP."""
        kid = jwt.get_unverified_header(token).get("kid")
        for jwk in self.tool_keys()["keys"]:
            if jwk.get("kid") == kid:
                key = jwt.PyJWK(jwk).key
                return jwt.decode(token, key, algorithms=["RS256"], audience=audience)
        raise jwt.InvalidTokenError(f"no tool key {kid}")


def _handler(platform: Platform) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _refuse(self, reason: str, status: int = 400) -> None:
            platform.refusals.append(reason)
            self._send(status, json.dumps({"error": reason}))

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode()
            return {key: values[0] for key, values in parse_qs(raw).items()}

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == "/jwks":
                return self._send(200, json.dumps({"keys": [platform.public_jwk]}))
            if parts.path == "/auth":
                return self._auth({k: v[0] for k, v in parse_qs(parts.query).items()})
            return self._refuse("not found", 404)

        def _auth(self, query: dict[str, str]) -> None:
            expected = {
                "scope": "openid",
                "response_type": "id_token",
                "response_mode": "form_post",
                "prompt": "none",
                "client_id": CLIENT_ID,
            }
            for name, value in expected.items():
                if query.get(name) != value:
                    return self._refuse(f"bad {name}")
            if query.get("redirect_uri") not in platform.redirect_uris:
                return self._refuse("redirect_uri not registered")
            hint = query.get("login_hint", "")
            if hint not in platform.launches:
                return self._refuse("unknown login_hint")
            if not query.get("state") or not query.get("nonce"):
                return self._refuse("no state or nonce")
            token = platform.sign(platform.id_token_claims(hint, query["nonce"]))
            html = (
                f'<form method="post" action="{query["redirect_uri"]}">'
                f'<input type="hidden" name="id_token" value="{token}">'
                f'<input type="hidden" name="state" value="{query["state"]}"></form>'
            )
            return self._send(200, html, "text/html")

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == "/token":
                return self._token(self._form())
            if parts.path == "/deep-link-return":
                return self._deep_link_return(self._form())
            if parts.path.startswith("/lineitems/") and parts.path.endswith("/scores"):
                return self._score(parts.path)
            return self._refuse("not found", 404)

        def _token(self, form: dict[str, str]) -> None:
            if form.get("grant_type") != "client_credentials":
                return self._refuse("bad grant_type")
            assertion_type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            if form.get("client_assertion_type") != assertion_type:
                return self._refuse("bad client_assertion_type")
            try:
                claims = platform.verify_from_tool(
                    form.get("client_assertion", ""), audience=f"{platform.url}/token"
                )
            except (jwt.InvalidTokenError, requests.RequestException) as error:
                return self._refuse(f"client assertion: {error}", 401)
            if claims.get("iss") != CLIENT_ID or claims.get("sub") != CLIENT_ID:
                return self._refuse("client assertion names another client", 401)
            token = secrets.token_urlsafe(24)
            platform.tokens[token] = form.get("scope", "").split()
            body = {"access_token": token, "token_type": "Bearer", "expires_in": 3600}
            return self._send(200, json.dumps(body))

        def _score(self, path: str) -> None:
            if platform.unavailable_scores > 0:
                platform.unavailable_scores -= 1
                return self._refuse("gradebook unavailable", 503)
            auth = self.headers.get("Authorization", "")
            scopes = platform.tokens.get(auth.removeprefix("Bearer "))
            if scopes is None or SCORE_SCOPE not in scopes:
                return self._refuse("no token with the score scope", 401)
            if self.headers.get("Content-Type") != "application/vnd.ims.lis.v1.score+json":
                return self._refuse("bad content type")
            length = int(self.headers.get("Content-Length") or 0)
            score = json.loads(self.rfile.read(length))
            platform.scores.append({"lineitem": path.removesuffix("/scores"), **score})
            return self._send(200, "{}")

        def _deep_link_return(self, form: dict[str, str]) -> None:
            try:
                claims = platform.verify_from_tool(form.get("JWT", ""), audience=platform.issuer)
            except (jwt.InvalidTokenError, requests.RequestException) as error:
                return self._refuse(f"deep-linking response: {error}")
            platform.deep_link_responses.append(claims)
            return self._send(200, "{}")

    return Handler


def start() -> Platform:
    pem, jwk = new_key()
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    platform = Platform(server=server, private_pem=pem, public_jwk=jwk)
    server.RequestHandlerClass = _handler(platform)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return platform
