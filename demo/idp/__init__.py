"""A small OpenID Connect identity provider for the demo and the tests: allauth's own
provider in a second Django process, standing in for an organisation's real one.

Run it with ``python -m demo.idp <command>`` (its own settings and database); the
product's ``manage.py demo_idp`` sets it up, registers it and serves it.
"""
