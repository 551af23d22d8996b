"""Federation: signing in with an organisation's own identity provider (OpenID Connect or
SAML 2.0), with just-in-time accounts and roles from the administrator's mapping rules."""
