"""Federation: signing in with an organisation's own identity provider (OpenID Connect),
with just-in-time accounts and roles from the administrator's mapping rules."""
