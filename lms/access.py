"""Who may open each address of the product: one declared access policy per URL pattern.

Every URL pattern has an entry here, by its name (``ROUTES``) or, for a whole included
application, by the path it is mounted at (``PREFIXES``); a named entry wins over a prefix.
``tests/lms/test_access_matrix.py`` fails for a pattern without a policy and for an entry
that names no pattern, and requests every product route as each role, on objects inside and
outside the person's scope.

The policies:

====================  ===========================================================================
policy                who gets through
====================  ===========================================================================
PUBLIC                anyone, signed in or not
SIGNED_IN             any signed-in person; the page shows only their own things
SIGNED_IN_SCOPED      any signed-in person, and the object named in the address must be within
                      their scope (``people.scoping``): their own, or someone they oversee
ROLE                  signed-in people holding one of ``roles``; an object named in the address
                      must also be within their scope
ADMIN_ONLY            the Wagtail admin: people whose roles carry admin access (trainers,
                      programme managers, administrators), signed in through the product's
                      sign-in page (throttling, two-factor authentication)
====================  ===========================================================================

Anonymous visitors are sent to the sign-in page by every policy but PUBLIC. An object
outside a person's scope answers 403 or 404 (404 where telling that it exists would leak).

``personal`` marks addresses that name personal data (a person, their certificate, an
observation of their practice). Their identifiers must not be guessable: a UUID, or a code
listed in ``unguessable`` with the reason it is random. A sequential number may appear only
after such an identifier and be looked up within that object (``nested``); ``actions`` are
parameters that name a step from a fixed list, not an object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from people.roles import Role

from .urlwalk import Pattern, url_patterns

__all__ = ("Access", "Pattern", "Policy", "access_for", "url_patterns")


class Policy(StrEnum):
    PUBLIC = "public"
    SIGNED_IN = "signed in"
    SIGNED_IN_SCOPED = "signed in, object in scope"
    ROLE = "role"
    ADMIN_ONLY = "admin only"


@dataclass(frozen=True)
class Access:
    policy: Policy
    reason: str
    roles: frozenset[str] = frozenset()
    personal: bool = False
    unguessable: tuple[str, ...] = ()
    nested: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()


def public(reason: str, *, personal: bool = False, unguessable: tuple[str, ...] = ()) -> Access:
    return Access(Policy.PUBLIC, reason, personal=personal, unguessable=unguessable)


def signed_in(reason: str) -> Access:
    return Access(Policy.SIGNED_IN, reason)


def scoped(
    reason: str, *, unguessable: tuple[str, ...] = (), nested: tuple[str, ...] = ()
) -> Access:
    """Signed in, and the object must be within the person's scope; always personal."""
    return Access(
        Policy.SIGNED_IN_SCOPED, reason, personal=True, unguessable=unguessable, nested=nested
    )


def role(
    roles: Iterable[str],
    reason: str,
    *,
    personal: bool = False,
    unguessable: tuple[str, ...] = (),
    nested: tuple[str, ...] = (),
    actions: tuple[str, ...] = (),
) -> Access:
    return Access(
        Policy.ROLE,
        reason,
        roles=frozenset(roles),
        personal=personal,
        unguessable=unguessable,
        nested=nested,
        actions=actions,
    )


def admin_only(reason: str) -> Access:
    return Access(Policy.ADMIN_ONLY, reason)


# --- Who holds which kind of power (see people.scoping) ------------------------------------

NATIONAL = frozenset({Role.PROGRAMME_MANAGER, Role.ADMINISTRATOR})
PROGRAMME_STAFF = frozenset({Role.TRAINER, Role.SUPERVISOR, Role.REGIONAL_COORDINATOR} | NATIONAL)
# Who sees other people's records one by one (``Scope.oversees_people``).
OVERSEERS = frozenset(
    {Role.TRAINER, Role.SUPERVISOR, Role.SCHOOL_LEADER, Role.REGIONAL_COORDINATOR} | NATIONAL
)
# Who may give roles and so add and change people (``Scope.may_grant_roles``).
GRANTERS = frozenset({Role.SCHOOL_LEADER, Role.REGIONAL_COORDINATOR} | NATIONAL)
# Who follows a school's supervision (``supervision.access.capacities``).
SUPERVISION = frozenset({Role.SUPERVISOR, Role.SCHOOL_LEADER, Role.REGIONAL_COORDINATOR} | NATIONAL)
# Who records a visit: its school's supervisor alone.
RECORDERS = frozenset({Role.SUPERVISOR})
PLANNERS = frozenset({Role.REGIONAL_COORDINATOR} | NATIONAL)
TRAINERS = frozenset({Role.TRAINER} | NATIONAL)
# Who sees the programme dashboards (``programmes.selectors.may_see_dashboards``).
DASHBOARDS = frozenset({Role.SUPERVISOR, Role.SCHOOL_LEADER, Role.REGIONAL_COORDINATOR} | NATIONAL)

CERTIFICATE_CODE = ("code",)  # 100 random bits (certificates.codes)
INVITATION_TOKEN = ("token",)  # 256 random bits; only its hash is stored (people.services)


# --- Named routes, by application ----------------------------------------------------------

ROUTES: dict[str, Access] = {
    # lms: the shell.
    "root": public("Redirects to the home page in the visitor's language."),
    "health": public("Liveness check; answers only that the process is up."),
    "ready": public("Readiness check; says which of database, cache and storage answer."),
    "language_set": public("Switches the interface language; changes nothing else."),
    "home": public("Landing page for visitors; a signed-in person's own overview."),
    "my_data": signed_in("The signed-in person's own data export."),
    "person_erase": role(
        {Role.ADMINISTRATOR}, "Erasing personal data is for administrators.", personal=True
    ),
    # lms: the admin's own sign-in page is replaced by the product's.
    "admin_login_redirect": public("Sends the Wagtail admin sign-in to the product's sign-in."),
    # Wagtail admin assets that hold no data (the rest of the admin is ADMIN_ONLY below).
    "wagtailadmin_sprite": public("The admin's icon sprite."),
    "wagtailadmin_javascript_catalog": public("Translations of the admin's scripts."),
    # people.
    "person_list": role(OVERSEERS, "Directory of the people the reader oversees."),
    "person_create": role(GRANTERS, "Adding a person means giving them a role."),
    "person_detail": scoped("A person's record: themselves or someone they oversee."),
    "person_update": scoped(
        "Own details, or someone whose every role the reader may grant (checked by the service)."
    ),
    "membership_grant": role(
        GRANTERS, "Giving a role, where the reader may grant it.", personal=True
    ),
    # The membership's number is looked up only among the roles of the person the UUID names.
    "membership_end": role(
        GRANTERS,
        "Ending a role the reader may grant.",
        personal=True,
        nested=("membership_id",),
    ),
    "invitation_send": scoped("Own invitation, or for someone the reader may change."),
    "invitation_accept": public(
        "Reached from the e-mail: the random token is the key.",
        personal=True,
        unguessable=INVITATION_TOKEN,
    ),
    "profile": signed_in("The signed-in person's own details."),
    "role_offer": scoped("A role offered to the signed-in person; anyone else's is not found."),
    # courses (page ids name published course content, not people).
    "my_learning": signed_in("The signed-in person's own enrolments."),
    "course_enrol": signed_in("Enrols the signed-in person in a course open to their roles."),
    "course_leave": signed_in("Asks, then leaves the signed-in person's own enrolment."),
    "cohort_enrol": role(PLANNERS, "Enrolling others, within the reader's region or nationally."),
    "module_done": signed_in("Own progress, in a course the person is enrolled in."),
    "module_check": signed_in("Own answers, in a course the person is enrolled in."),
    "module_reflection": signed_in("Own reflection, in a course the person is enrolled in."),
    "course_reports": role(
        OVERSEERS, "Progress reports; rows limited to the people in the reader's scope."
    ),
    "course_report": role(
        OVERSEERS, "One course's report; rows limited to the people in the reader's scope."
    ),
    "reflection_queue": role(TRAINERS, "Trainers review learners' reflections."),
    "reflection_review": role(TRAINERS, "Trainers review learners' reflections.", personal=True),
    # certificates.
    "my_certificates": signed_in("The signed-in person's own certificates."),
    "certificate_register": role(
        PROGRAMME_STAFF, "Certificates of the people in the reader's scope."
    ),
    "certificate_jobs": role(NATIONAL, "Bulk issue and reissue are national."),
    "certificate_job": role(NATIONAL, "A bulk job lists the people it failed for.", personal=True),
    "certificate_job_status": role(NATIONAL, "Progress of a bulk job.", personal=True),
    "enrolment_certificate": scoped("Own enrolment, or one of a person programme staff may see."),
    "certificate_detail": scoped(
        "The holder, or programme staff who may see the holder.", unguessable=CERTIFICATE_CODE
    ),
    "certificate_download": scoped(
        "The holder, or programme staff who may see the holder.", unguessable=CERTIFICATE_CODE
    ),
    "certificate_credential": scoped(
        "The holder, or programme staff who may see the holder.", unguessable=CERTIFICATE_CODE
    ),
    "certificate_revoke": role(
        NATIONAL,
        "The certificate lifecycle is national.",
        personal=True,
        unguessable=CERTIFICATE_CODE,
    ),
    "certificate_reissue": role(
        NATIONAL,
        "The certificate lifecycle is national.",
        personal=True,
        unguessable=CERTIFICATE_CODE,
    ),
    "certificate_verify_form": public("Anyone may type a code to verify."),
    "certificate_verify": public(
        "Public verification shows what the certificate states; rate-limited.",
        personal=True,
        unguessable=CERTIFICATE_CODE,
    ),
    "certificate_verify_form_root": public("Anyone may type a code to verify."),
    "certificate_verify_file": public("Anyone may check a certificate file; rate-limited."),
    "certificate_credential_public": public(
        "The credential names nobody (the holder is a salted hash); rate-limited.",
        personal=True,
        unguessable=CERTIFICATE_CODE,
    ),
    "credentials_did": public("The issuer's public keys, current and retired."),
    "credentials_status_list": public("The published, signed revocation status lists."),
    "certificate_verify_qr": public(
        "The QR code's address; rate-limited.", personal=True, unguessable=CERTIFICATE_CODE
    ),
    "certificate_verify_qr_capitals": public(
        "The QR code's address in capitals; rate-limited.",
        personal=True,
        unguessable=CERTIFICATE_CODE,
    ),
    "certificate_verify_qr_json": public(
        "Machine-readable verification; rate-limited.", personal=True, unguessable=CERTIFICATE_CODE
    ),
    # supervision.
    "supervision:index": signed_in("Entry page; lists only what the reader may open."),
    "supervision:caseload": role(RECORDERS, "A supervisor's own visits."),
    "supervision:school_list": role(SUPERVISION, "Schools whose supervision the reader follows."),
    "supervision:coverage": role(PLANNERS, "Visit coverage of the reader's region or nation."),
    "supervision:action_point_list": signed_in(
        "Own action points, and those of the schools the reader follows."
    ),
    "supervision:service_worker": public("The offline script; holds no data."),
    "supervision:offline": signed_in("The offline shell; data comes from the manifest."),
    "supervision:offline_manifest": signed_in("The reader's own visits to keep offline."),
    "supervision:practice_mine": signed_in("The signed-in person's own observed practice."),
    "supervision:practice_person": role(
        SUPERVISION, "Observed practice of someone the reader oversees.", personal=True
    ),
    "supervision:calibration_index": signed_in(
        "A supervisor's own exercises and calibration history; others see a pointer."
    ),
    "supervision:calibration_register": role(
        PLANNERS, "Calibration of the supervisors in the reader's region or nation."
    ),
    "supervision:agreement_report": role(
        PLANNERS, "Agreement of the supervisors in the reader's region or nation."
    ),
    "supervision:calibration_take": role(
        RECORDERS, "Scoring an exercise: training content, not anyone's record."
    ),
    "supervision:calibration_result": role(
        RECORDERS, "A supervisor's own attempt; anyone else's is not found.", personal=True
    ),
    "supervision:double_coding_list": role(
        RECORDERS | PLANNERS,
        "A supervisor's own co-observed visits; a coordinator's region and its share.",
    ),
    "supervision:double_coding_visit": role(
        RECORDERS | PLANNERS,
        "A co-observed visit's pair: its two observers and the school's coordinators.",
        personal=True,
    ),
    "supervision:double_coding_assign": role(
        PLANNERS, "Choosing a visit's co-observer, by the school's coordinator.", personal=True
    ),
    "supervision:year_create": role(PLANNERS, "Opening a year at a school in scope."),
    "supervision:year_detail": role(
        SUPERVISION, "A school's year, for those who follow that school.", personal=True
    ),
    "supervision:year_update": role(PLANNERS, "Changing a year in scope.", personal=True),
    "supervision:visit_add": role(
        RECORDERS | PLANNERS, "Planning a visit at a school in scope.", personal=True
    ),
    "supervision:visit_detail": role(
        SUPERVISION, "A visit, for those who follow its school.", personal=True
    ),
    "supervision:visit_notes": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:visit_report": role(
        SUPERVISION, "A visit's report, for those who follow its school.", personal=True
    ),
    "supervision:observation_create": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:attachment_add": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:action_point_add": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:action_point_review": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:visit_transition": role(
        SUPERVISION,
        "Each move names who may make it (services.TRANSITIONS).",
        personal=True,
        actions=("action",),
    ),
    "supervision:observation_detail": scoped(
        "Those who follow the school, and the observed person once the visit is submitted."
    ),
    "supervision:observation_edit": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:observation_delete": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:attachment_download": scoped(
        "Those who follow the school, and the observed person once the visit is submitted."
    ),
    "supervision:attachment_delete": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:action_point_edit": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    "supervision:action_point_delete": role(
        RECORDERS, "Recording, by the school's supervisor.", personal=True
    ),
    # programmes (programme, region and school codes name places, not people).
    "programme_index": role(DASHBOARDS, "Programmes covering the reader's places."),
    "programme_dashboard": role(DASHBOARDS, "Figures limited to the reader's places."),
    "programme_indicators": role(DASHBOARDS, "Figures limited to the reader's places."),
    # Lists recipients' names and addresses, like a school's page lists its staff.
    "programme_reports": role(PLANNERS, "Scheduled reports for the places the reader coordinates."),
    "programme_report_stop": role(
        PLANNERS,
        "Stopping a scheduled report of the places the reader coordinates.",
        personal=True,
    ),
    "report_unsubscribe": public(
        "Reached from the e-mail: the random token is the key.", personal=True
    ),
    "programme_region": role(DASHBOARDS, "A region in the reader's scope."),
    "programme_school": role(DASHBOARDS, "A school in the reader's scope; lists its staff."),
    "training_record": scoped("A person's training record: themselves or someone they oversee."),
    "staff_import_new": role(GRANTERS, "Importing staff gives them roles."),
    "staff_import_template": role(GRANTERS, "The blank staff list."),
    "staff_list": role(GRANTERS, "The staff the reader may change, to correct and upload."),
    "staff_import_detail": role(
        GRANTERS, "The importer's own import, or any for national staff.", personal=True
    ),
    "staff_import_start": role(
        GRANTERS, "The importer's own import, or any for national staff.", personal=True
    ),
    # allauth: signing in, and one's own account.
    "account_login": public("The product's one sign-in page (throttled, two-factor)."),
    "account_logout": public("Signing out."),
    "account_inactive": public("Tells a deactivated person why they cannot sign in."),
    "account_signup": public("Closed unless LMS_OPEN_SIGNUP; people come by invitation."),
    "account_reauthenticate": signed_in("Confirming one's own password."),
    "account_email": signed_in("One's own e-mail addresses."),
    "account_email_verification_sent": public("Says a confirmation e-mail was sent."),
    "account_confirm_email": public("Reached from the e-mail; the key is signed."),
    "account_change_password": signed_in("One's own password."),
    "account_set_password": signed_in("One's own password."),
    "account_reset_password": public("Asks for a reset e-mail; reveals no address."),
    "account_reset_password_done": public("Says a reset e-mail was sent."),
    "account_reset_password_from_key": public("Reached from the e-mail; the key is signed."),
    "account_reset_password_from_key_done": public("Says the password was changed."),
    "account_confirm_login_code": public("Second step of signing in by code."),
    # allauth: signing in with an organisation's identity provider (federation).
    "sso_discover": public("Sends an address of a covered domain to its organisation's provider."),
    # lti: addresses another platform calls; each launch is checked by its signed id_token.
    "lti_jwks": public("The tool's public keys; names nobody."),
    "lti_login": public("OIDC login initiation from a registered platform; changes nothing."),
    "lti_launch": public("A platform's signed launch; refused unless the id_token verifies."),
    "lti_deep_link": public("A platform's signed deep-linking launch; refused unless it verifies."),
    "lti_deep_link_choose": public(
        "A teacher's choice, bound to a verified deep-linking launch by its random id."
    ),
    "openid_connect_login": public("Starts the sign-in at the organisation's provider."),
    "openid_connect_callback": public(
        "The provider's answer; allauth checks its state and the provider's token."
    ),
    "saml_login": public("Starts the sign-in at the organisation's SAML provider."),
    "saml_acs": public("The SAML provider's signed answer, posted by the browser."),
    "sso_saml_finish": public(
        "Checks the SAML answer: signature, audience, validity, a request of this browser."
    ),
    "saml_finish_acs": public("Shadowed by sso_saml_finish; never reached."),
    "saml_metadata": public("Our SAML service provider metadata, for the organisation's IdP."),
    "saml_sls": public("The SAML provider's sign-out; signed like its sign-in answers."),
    "socialaccount_login_cancelled": public("Says the organisation's sign-in was cancelled."),
    "socialaccount_login_error": public("Says the organisation's sign-in failed."),
    "socialaccount_signup": public("Completes a first sign-in; needs the provider's answer."),
    "socialaccount_connections": signed_in("One's own links to organisations' providers."),
    "mfa_index": signed_in("One's own two-factor settings."),
    "mfa_authenticate": public("Second step of signing in; needs the first step's session."),
    "mfa_reauthenticate": signed_in("Confirming one's own second factor."),
    "mfa_activate_totp": signed_in("Setting up one's own authenticator app."),
    "mfa_deactivate_totp": signed_in("Turning off one's own authenticator app."),
    "mfa_view_recovery_codes": signed_in("One's own recovery codes."),
    "mfa_generate_recovery_codes": signed_in("One's own recovery codes."),
    "mfa_download_recovery_codes": signed_in("One's own recovery codes."),
    # Wagtail front end: course pages and their files.
    "wagtail_serve": signed_in("Course catalogue, courses and modules: for signed-in staff."),
    "wagtailcore_login_redirect": public(
        "Wagtail's own front-end sign-in is replaced by the product's."
    ),
    "wagtailcore_login": public("Shadowed by wagtailcore_login_redirect; never reached."),
    "wagtailcore_authenticate_with_password": public(
        "Wagtail's page password form; the product sets no page passwords."
    ),
    "wagtaildocs_serve": signed_in("Course documents, videos and captions: as their pages."),
    "wagtaildocs_authenticate_with_password": public(
        "Wagtail's document password form; the product sets no document passwords."
    ),
}


# --- What browsers and proxies may keep ------------------------------------------------------

# Every answer that may carry personal data is sent with ``Cache-Control: no-store, private``
# (``lms.middleware.PrivateResponsesMiddleware``): the routes marked ``personal`` above, every
# download, and every answer to a signed-in person, whose pages show their own records.
# These routes alone answer a signed-in person with the same thing for everyone allowed,
# naming nobody: their browser may keep it (``private``: never a shared cache). Static files
# are served before any of this, with their long cache.
SHARED_CONTENT = frozenset(
    {
        "wagtaildocs_serve",  # course documents, videos and captions
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "supervision:service_worker",
    }
)


# --- Whole included applications, by the path they are mounted at ----------------------------

PREFIXES: dict[str, Access] = {
    "admin/": admin_only("The Wagtail admin: authoring, snippets, settings, users."),
    "media/": public("Uploaded public images (development only; a web server in production)."),
    "accounts/social/": public("allauth's old addresses, redirected to the ones above."),
}

# Prefixes that exist only under DEBUG (``lms.urls`` adds them then).
DEBUG_ONLY_PREFIXES = frozenset({"media/"})

# Product apps whose every named route the access matrix requests as each role.
PRODUCT_APPS = (
    "lms",
    "people",
    "courses",
    "certificates",
    "supervision",
    "programmes",
    "federation",
    "lti",
)


def access_for(pattern: Pattern) -> Access | None:
    """The declared policy of ``pattern``: by name, else by the longest matching prefix."""
    if pattern.name and pattern.name in ROUTES:
        return ROUTES[pattern.name]
    matches = [prefix for prefix in PREFIXES if pattern.path.startswith(prefix)]
    return PREFIXES[max(matches, key=len)] if matches else None
