"""Settings for the whole product, read from the environment.

Every value has an embedded default so that a fresh checkout runs with nothing set:
SQLite, tasks run inline, e-mail to the console. Production sets ``DJANGO_DEBUG=false``
and refuses to start with the development secret key.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Queue

from core.queues import QUEUES, ROUTES
from core.schedule import SCHEDULE
from core.storage import storages_setting

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEVELOPMENT_SECRET_KEY = "development-only-key-never-use-in-production"  # noqa: S105

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is off but DJANGO_SECRET_KEY is the development key. "
        "Set DJANGO_SECRET_KEY to a long random value."
    )

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

# --- Applications -------------------------------------------------------------------------

INSTALLED_APPS = [
    # Product apps, lowest layer first. Their templates override the libraries' below.
    "core",
    "people",
    "courses",
    "certificates",
    "supervision",
    "programmes",
    "federation",
    "lti",
    "xapi",
    "lms",
    # The demo programme and its seed_demo command: on top, imported by no app.
    "demo",
    # Translating course content in the admin; its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.PeopleUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    # django-csp: its system checks of the Content-Security-Policy settings.
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (see "Content Security Policy" below).
    "lms.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control: no-store on personal data and every page of a signed-in person.
    "lms.middleware.PrivateResponsesMiddleware",
    # Pages compressed (gzip); static files come compressed from whitenoise, above.
    "lms.middleware.PageCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lms.middleware.AdminSameOriginFramingMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "people.middleware.ProgrammeRoleIdleTimeoutMiddleware",
    "people.middleware.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Course and module pages are found without walking the page tree each time.
    "courses.routing.RememberedRoutesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"
AUTH_USER_MODEL = "people.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lms.context_processors.product",
            ],
        },
    },
]

FORM_RENDERER = "core.forms.FormRenderer"

# --- Data -----------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if env.bool("DATABASE_PGBOUNCER", default=False):
    # PgBouncer in transaction mode hands each transaction to any server connection: no
    # connection kept by a process, and no server-side cursor outliving its transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")

if REDIS_URL:
    # While Redis is away the cache answers as a miss (see core/cache.py), and a Redis that
    # does not answer holds a request for a second or two at most.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lms",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions are read from the cache and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Background work --------------------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Almaty"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# Publishing a task must not hold a request for long when Redis is unreachable.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Each kind of work has its own queue (core/queues.py); a worker started without -Q
# consumes every queue, as on a single machine.
CELERY_TASK_QUEUES = [Queue(name) for name in QUEUES]
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = ROUTES
# However many beat processes are started, only the one holding a lock in Redis sends.
CELERY_BEAT_SCHEDULER = "core.beat.SingleBeatScheduler"
CELERY_BEAT_SCHEDULE = SCHEDULE

# Certificates: how many days before a certificate ends its holder is reminded, and how
# many codes that match no certificate one address may check per minute (codes that match
# are not counted: a school's staff checks its certificates together from one address).
CERTIFICATES_RENEWAL_REMINDER_DAYS = env.int("CERTIFICATES_RENEWAL_REMINDER_DAYS", default=60)
CERTIFICATES_VERIFY_RATE_LIMIT = env.int("CERTIFICATES_VERIFY_RATE_LIMIT", default=30)

# Credentials: the Ed25519 key that signs Open Badges credentials and status lists, and the
# X.509 key and certificate that sign the PDFs. Each comes from its variable (PEM text) or,
# unset, from a file in CREDENTIALS_KEY_DIR. Retired credential keys (public, multibase)
# stay published so that credentials signed before a rotation still verify. With
# CREDENTIALS_CREATE_KEYS (on in development) missing files are created on first use;
# production creates them once with ``manage.py certificates_keys``.
CREDENTIALS_KEY_DIR = env.path("CREDENTIALS_KEY_DIR", default=BASE_DIR / "var" / "keys")
CREDENTIALS_ED25519_KEY = env.str("CREDENTIALS_ED25519_KEY", default="")
CREDENTIALS_RETIRED_KEYS = env.list("CREDENTIALS_RETIRED_KEYS", default=[])
CREDENTIALS_CREATE_KEYS = env.bool("CREDENTIALS_CREATE_KEYS", default=DEBUG)
CERTIFICATES_SIGNING_KEY = env.str("CERTIFICATES_SIGNING_KEY", default="")
CERTIFICATES_SIGNING_CERT = env.str("CERTIFICATES_SIGNING_CERT", default="")
# The largest file the verification page accepts to check.
CERTIFICATES_VERIFY_UPLOAD_MAX_BYTES = env.int(
    "CERTIFICATES_VERIFY_UPLOAD_MAX_BYTES", default=5 * 1024 * 1024
)

# --- Learning records (xAPI) -----------------------------------------------------------------

# A Learning Record Store that receives xAPI 1.0.3 statements of enrolments, completions,
# knowledge checks, reflections and certificates. Unset: nothing is recorded or sent.
LRS_URL = env.str("LRS_URL", default="").rstrip("/")
LRS_USERNAME = env.str("LRS_USERNAME", default="")
LRS_PASSWORD = env.str("LRS_PASSWORD", default="")

# --- Accounts ---------------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "people.forms.LoginForm", "signup": "people.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_USER_MODEL_EMAIL_FIELD = "email"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Sign-in throttling counts wrong passwords (and wrong authenticator codes), never
# successful sign-ins: a school's whole staff signs in from one address (a computer lab,
# the school's Wi-Fi), so any number of people may sign in from it. Within five minutes,
# LMS_SIGN_IN_FAILURES_PER_ACCOUNT wrong passwords for one account pause that account's
# sign-in, from anywhere, until the oldest is five minutes old (a password reset clears
# it); LMS_SIGN_IN_FAILURES_PER_ADDRESS wrong passwords from one address, whatever the
# accounts, pause sign-in from that address in the same way. The counters live in the
# shared cache. Requests that send e-mail or set a password are limited per address only
# far above what a school sends together, and per e-mail address or account tightly.
LMS_SIGN_IN_FAILURES_PER_ACCOUNT = env.int("LMS_SIGN_IN_FAILURES_PER_ACCOUNT", default=5)
LMS_SIGN_IN_FAILURES_PER_ADDRESS = env.int("LMS_SIGN_IN_FAILURES_PER_ADDRESS", default=50)

# Separation of duties: whoever submits a course for review cannot approve it. A tiny
# installation with a single lead trainer may let a superuser approve their own work.
LMS_SUPERUSER_SELF_APPROVAL = env.bool("LMS_SUPERUSER_SELF_APPROVAL", default=False)
ACCOUNT_RATE_LIMITS = {
    # allauth's default, 30 a minute per address, counts every sign-in, successes included.
    "login": "",
    "login_failed": (
        f"{LMS_SIGN_IN_FAILURES_PER_ADDRESS}/5m/ip,{LMS_SIGN_IN_FAILURES_PER_ACCOUNT}/5m/key"
    ),
    "reset_password": "60/m/ip,5/m/key",
    "reset_password_from_key": "60/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "signup": "60/m/ip",
}
SOCIALACCOUNT_ADAPTER = "federation.adapters.SocialAccountAdapter"  # providers from the admin
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True  # linked only if verified on both sides
# allauth's SAML provider, keeping what the federation rules read and refusing replays.
SOCIALACCOUNT_PROVIDERS = {"saml": {"provider_class": "federation.saml.OrganisationSAMLProvider"}}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Qamqor LMS")
MFA_TOTP_TOLERANCE = 1

# Open sign-up is off: accounts come from invitations sent to known staff.
LMS_OPEN_SIGNUP = env.bool("LMS_OPEN_SIGNUP", default=False)
# Programme roles (trainers, supervisors, coordinators, managers, administrators) must
# protect their accounts with an authenticator app before they can use the product.
LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = env.bool("LMS_MFA_REQUIRED", default=True)
LMS_INVITATION_DAYS = env.int("LMS_INVITATION_DAYS", default=14)
# Programme roles are signed out after this many minutes without a request.
LMS_PROGRAMME_IDLE_MINUTES = env.int("LMS_PROGRAMME_IDLE_MINUTES", default=30)
# A role offered to someone outside the offerer's scope waits this long for their answer.
LMS_ROLE_OFFER_DAYS = env.int("LMS_ROLE_OFFER_DAYS", default=30)

# --- E-mail -----------------------------------------------------------------------------------

if "EMAIL_URL" in env:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Qamqor LMS <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time -----------------------------------------------------------------------

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="kk")
LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LANGUAGE_COOKIE_NAME = "lms_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
# The product's own strings first; then Kazakh for the libraries that ship none (allauth);
# last, for the rest of them (Wagtail), their Russian, which Kazakhstan's teachers read, in
# place of English. The last is built at install time (`manage.py build_kazakh_fallback`).
KAZAKH_FALLBACK_DIR = BASE_DIR / "var" / "locale"
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor", KAZAKH_FALLBACK_DIR]
# Kazakh dates and numbers (Django ships none): see lms/formats/kk/formats.py.
FORMAT_MODULE_PATH = ["lms.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A page submitted for translation starts as a draft, whatever the state of its source:
# translations go live only when a lead trainer publishes them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and uploaded files ------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Certificates and visit attachments: never served by the web server, only by views that
# check who is asking.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")

# Local disk with nothing set; two buckets with STORAGE_URL or AWS_* (core/storage.py).
_STATIC = "whitenoise.storage.CompressedManifestStaticFilesStorage"
STORAGES = storages_setting(
    env.ENVIRON,
    private_root=PRIVATE_MEDIA_ROOT,
    static_backend="django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG else _STATIC,
)
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0
WHITENOISE_USE_FINDERS = DEBUG
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail ----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Qamqor LMS"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}
# Uploads are bounded before they are decoded. Images: the formats Pillow decodes for the
# product, at most 10 MB and 40 million pixels (all frames together); Pillow itself
# refuses anything larger, wherever an image is opened (lms/apps.py). No SVG: it is a
# document that can carry scripts, not a picture. Documents: an explicit list of types;
# PDFs are cleaned of scripts, actions and embedded files (core/documents.py).
LMS_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = LMS_MAX_IMAGE_PIXELS
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "txt",
    "csv",
    "mp4",
    "webm",
    "mp3",
    "vtt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 300 * 1024 * 1024  # a short compressed video
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.documents.DocumentForm"

# --- Security ---------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind the TLS-terminating proxy every request arrives from the proxy's address. The
# number of proxies in front of the product says which X-Forwarded-For entry is the
# client's, so that sign-in throttling and the verification limit count each person's
# address, not the proxy's (with 0, one busy address would throttle everyone).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# --- Content Security Policy ----------------------------------------------------------------
# The product's pages load scripts, styles, fonts and images from their own origin only, and
# never inline code: no 'unsafe-inline' anywhere (lms/csp.py). Images may also be data: URLs
# (the authenticator QR code) and images and media blob: URLs (files read on the device, such
# as offline attachments). Nothing may frame the product.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# The Wagtail admin (under /admin/) runs inline scripts and styles of its own, and frames its
# own previews: it gets this looser policy, still limited to the product's own origin.
LMS_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "manifest-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# The admin shows no avatars from a third-party service: it would send a hash of each
# editor's e-mail address elsewhere, and the policy above would block the images anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's reference-index updates run through django-tasks and log every run.
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page save at INFO; its audit log keeps the same in the database.
        "wagtail": {"level": "WARNING"},
        # WeasyPrint reports every CSS property it skips; documents are tested instead.
        "weasyprint": {"level": "ERROR"},
        # Inline tasks would log each run in the web process; a worker logs them itself.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
    },
}
