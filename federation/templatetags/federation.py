from django import template
from django.urls import reverse

from core.csp import allow_form_action

from ..models import IdentityProvider

register = template.Library()


@register.simple_tag(takes_context=True)
def identity_providers(context: template.Context) -> list[dict[str, str]]:
    """The organisations one may sign in with, and where each button posts.

    Each button's answer sends the browser on to the organisation's provider, so the
    page's policy lets its forms lead there (``core.csp.allow_form_action``)."""
    providers = list(
        IdentityProvider.objects.filter(is_active=True).only(
            "organisation", "slug", "protocol", "issuer", "saml_sso_url"
        )
    )
    request = context.get("request")
    if request is not None:
        allow_form_action(request, (provider.sign_in_origin for provider in providers))
    return [
        {
            "organisation": provider.organisation,
            "url": reverse("saml_login", kwargs={"organization_slug": provider.slug})
            if provider.is_saml
            else reverse("openid_connect_login", kwargs={"provider_id": provider.slug}),
        }
        for provider in providers
    ]
