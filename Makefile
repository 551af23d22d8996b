# The commands the README names. `make run` and `make test` work on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: run demo-idp test install lrs system-deps messages messages-check compilemessages lint format typecheck check ci worker beat lock serve bench-weight audit

run: install ## Install everything, load the demo programme and serve on http://localhost:8000
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

demo-idp: ## After `make run`, in a second terminal: the demo organisation's sign-in on :8001
	$(MANAGE) demo_idp

test: install ## Install everything and run the whole test suite
	$(BIN)/pytest $(PYTEST_ARGS)

install: system-deps $(VENV)/.installed node_modules/.installed compilemessages

system-deps:
	@bash scripts/system-deps.sh

$(VENV)/.installed: requirements/dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

lrs: .venv-lrs/.installed ## Install the LRS (Ralph) the `lrs` tests send to, in .venv-lrs

.venv-lrs/.installed: requirements/lrs.txt
	test -x .venv-lrs/bin/python || $(PYTHON) -m venv .venv-lrs
	.venv-lrs/bin/python -m pip install --quiet --upgrade pip
	.venv-lrs/bin/python -m pip install --quiet -r requirements/lrs.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

compilemessages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	$(MANAGE) build_kazakh_fallback

messages: $(VENV)/.installed ## Extract translatable strings into locale/*/django.po
	$(MANAGE) makemessages -l kk -l ru -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench --no-obsolete

messages-check: $(VENV)/.installed ## Every interface string translated in kk, ru and en
	$(BIN)/python scripts/check_translations.py

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(VENV)/.installed
	$(BIN)/mypy .

check: $(VENV)/.installed ## Django's checks, missing migrations, and the production deploy check
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=ci-$$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9') \
		DJANGO_ALLOWED_HOSTS=lms.example.org SITE_URL=https://lms.example.org \
		$(MANAGE) check --deploy --fail-level WARNING

ci: test lint typecheck check messages-check

worker: ## A Celery worker (needs REDIS_URL)
	$(BIN)/celery -A lms worker --loglevel=INFO --concurrency=2

beat: ## Celery beat, for scheduled reminders and reconciliation (needs REDIS_URL)
	$(BIN)/celery -A lms beat --loglevel=INFO --schedule=var/celerybeat-schedule

serve: ## Production-style server: collect static files and run gunicorn
	$(MANAGE) collectstatic --no-input -v 0
	GUNICORN_BIND=0.0.0.0:8000 WEB_CONCURRENCY=3 $(BIN)/gunicorn -c gunicorn.conf.py lms.wsgi

bench-weight: $(VENV)/.installed node_modules/.installed ## Learner page weight and Lighthouse scores, served as in production
	@workdir=$$(mktemp -d); trap 'rm -rf "$$workdir"' EXIT; \
	BENCH_WORKDIR=$$workdir $(BIN)/python bench/page_weight.py && \
	BENCH_WORKDIR=$$workdir bash bench/lighthouse.sh

audit: $(VENV)/.installed ## Known vulnerabilities in the pinned requirements (needs PyPI's JSON API)
	$(BIN)/pip-audit --strict --disable-pip --require-hashes -r requirements/dev.txt

lock: ## Regenerate the pinned requirements from pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.txt
