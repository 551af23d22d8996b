from django import template
from django.urls import reverse

from ..models import IdentityProvider

register = template.Library()


@register.simple_tag
def identity_providers() -> list[dict[str, str]]:
    """The organisations one may sign in with, and where each button posts."""
    rows = IdentityProvider.objects.filter(is_active=True).only("organisation", "slug", "protocol")
    return [
        {
            "organisation": provider.organisation,
            "url": reverse("saml_login", kwargs={"organization_slug": provider.slug})
            if provider.is_saml
            else reverse("openid_connect_login", kwargs={"provider_id": provider.slug}),
        }
        for provider in rows
    ]
