"""PyLTI1p3 wired to the product: registrations read from ``Platform`` rows, and a message
launch that also refuses a replayed ``id_token``.

Validation itself is PyLTI1p3's (state, signature against the platform's key set, nonce,
registration, deployment, message type); nothing here decodes a token by hand.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch
from pylti1p3.deployment import Deployment
from pylti1p3.exception import LtiException
from pylti1p3.registration import Registration
from pylti1p3.tool_config import ToolConfAbstract

from . import keys
from .models import Platform

# How long a used nonce is remembered: longer than any id_token lives (a platform's are
# minutes); an older token is refused by its ``exp`` anyway.
NONCE_MEMORY_SECONDS = 24 * 60 * 60
LAUNCH_DATA_SECONDS = 60 * 60


def platform_for(iss: str, client_id: str | None) -> Platform | None:
    """The active platform of ``iss`` and ``client_id``; without a client id, the only
    active one of that issuer."""
    rows = Platform.objects.filter(issuer=iss, is_active=True)
    if client_id:
        return rows.filter(client_id=client_id).first()
    found = list(rows[:2])
    return found[0] if len(found) == 1 else None


def registration_for(platform: Platform) -> Registration:
    key = keys.tool_key_current()
    return (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_login_url(platform.auth_login_url)
        .set_auth_token_url(platform.auth_token_url)
        .set_key_set_url(platform.key_set_url)
        .set_tool_private_key(keys.private_pem(key))
        .set_tool_public_key(key.public_pem)
    )


class ToolConf(ToolConfAbstract):
    """Every issuer may have many client ids: registrations are found by both."""

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss: str, *args: Any, **kwargs: Any) -> Registration:
        return self.find_registration_by_params(iss, None, *args, **kwargs)  # type: ignore[arg-type]

    def find_registration_by_params(
        self, iss: str, client_id: str, *args: Any, **kwargs: Any
    ) -> Registration:
        platform = platform_for(iss, client_id)
        return registration_for(platform) if platform is not None else None  # type: ignore[return-value]

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        return None

    def find_deployment_by_params(
        self, iss: str, deployment_id: str, client_id: str, *args: Any, **kwargs: Any
    ) -> Deployment | None:
        platform = platform_for(iss, client_id)
        if platform is None or deployment_id not in platform.deployment_id_list:
            return None
        return Deployment().set_deployment_id(deployment_id)


def storage() -> DjangoCacheDataStorage:
    return DjangoCacheDataStorage(cache_name="default")


class MessageLaunch(DjangoMessageLaunch):
    """PyLTI1p3's launch, with a token that must carry ``exp`` and ``iat`` and whose nonce
    is accepted once: the same ``id_token`` posted again (a replay, or the browser's back
    button) is refused instead of signing someone in a second time."""

    def __init__(
        self,
        request: Any,
        tool_config: ToolConf | None = None,
        session_service: Any = None,
        cookie_service: Any = None,
        launch_data_storage: DjangoCacheDataStorage | None = None,
        requests_session: Any = None,
    ) -> None:
        super().__init__(
            request,
            tool_config or ToolConf(),
            session_service=session_service,
            cookie_service=cookie_service,
            launch_data_storage=launch_data_storage or storage(),
            requests_session=requests_session,
        )
        options: Any = {"verify_aud": False, "require": ["exp", "iat"]}
        self.set_jwt_verify_options(options)
        self.set_launch_data_lifetime(LAUNCH_DATA_SECONDS)

    def save_launch_data(self) -> MessageLaunch:
        body = self._get_jwt_body()
        used = f"lti-nonce-used:{body.get('iss')}:{body.get('nonce')}"
        if not cache.add(used, True, NONCE_MEMORY_SECONDS):
            raise LtiException("Nonce already used")
        super().save_launch_data()
        return self

    @classmethod
    def restore(cls, request: Any, launch_id: str) -> MessageLaunch:
        """A launch validated earlier in this flow, kept for an hour under its random id."""
        return cls.from_cache(launch_id, request, ToolConf())  # type: ignore[return-value]
