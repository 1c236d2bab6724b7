# Innoportal: `make run` serves the portal with demo data, `make test` proves it.
SHELL := /bin/bash
.DEFAULT_GOAL := run
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
# The project's interpreter: pyenv's 3.12, chosen by .python-version.
PYTHON312 := $(shell python3.12 -c 'import sys; print(sys.executable)' 2>/dev/null || python3 -c 'import sys; print(sys.executable)')

# WeasyPrint's libraries, gettext, and chromium for the decks' chart images.
RUN_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation gettext chromium
TEST_DEBS := postgresql poppler-utils openjdk-17-jre-headless

.PHONY: run test install install-test lint bench load messages clean

run: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable
	$(PY) manage.py compilemessages -v0 --ignore '.venv' --ignore 'node_modules' --ignore '.tools'
	$(PY) manage.py seed_demo --if-empty
	@echo "Innoportal runs at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it)"
	export TASKS_BACKEND=database; \
	  $(PY) manage.py db_worker --interval 0.5 --no-reload -v0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver --skip-checks 127.0.0.1:$(PORT)

test: install-test lint
	$(PY) manage.py compilemessages -v0 --ignore '.venv' --ignore 'node_modules' --ignore '.tools'
	$(PY) -m pytest
	.ci/with-postgres $(PY) -m pytest

install: .tools/debs-run.stamp $(VENV)/.stamp node_modules/.stamp

install-test: install .tools/debs-test.stamp

.tools/debs-run.stamp: Makefile
	.ci/apt-ensure $(RUN_DEBS)
	@mkdir -p .tools && touch $@

.tools/debs-test.stamp: Makefile
	.ci/apt-ensure $(TEST_DEBS)
	@mkdir -p .tools && touch $@

$(UV):
	python3 -m pip install -q --disable-pip-version-check --target .tools uv

$(VENV)/.stamp: requirements.txt | $(UV)
	test -x $(PY) || $(UV) venv -q $(VENV) --python $(PYTHON312)
	$(UV) pip sync -q --python $(PY) requirements.txt
	@touch $@

# No install scripts: the only one (vnu-jar's) would fetch a Java runtime from
# outside the registries; java comes from Debian (TEST_DEBS).
node_modules/.stamp: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Re-pin after editing pyproject.toml.
requirements.txt: pyproject.toml | $(UV)
	$(UV) pip compile pyproject.toml --extra dev -o $@ --no-header --no-annotate -q --python-version 3.12

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# Refresh the catalogues: one for the portal and the site templates, one per app.
MAKEMESSAGES := makemessages -l nb -l nn -l sv -l en --no-obsolete -v0
messages: install
	$(PY) manage.py $(MAKEMESSAGES) $(foreach d,projects canvas benefits tests bench .venv node_modules .tools staticfiles,--ignore '$(d)/*')
	for app in projects canvas benefits; do \
	  if [ -d $$app/locale ]; then (cd $$app && ../$(PY) ../manage.py $(MAKEMESSAGES)); fi; \
	done

bench: install
	$(PY) -m bench

# Simulated users against gunicorn on a throwaway PostgreSQL (not part of make test).
USERS ?= 50
SECONDS ?= 60
load: install-test
	.ci/with-postgres $(PY) -m bench.load --users $(USERS) --seconds $(SECONDS)

clean:
	rm -rf $(VENV) .tools node_modules staticfiles
