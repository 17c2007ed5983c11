# Stapteam — the two promises of the README:
#   make demo   sets up and serves the app with demo data (SQLite) on http://127.0.0.1:8000
#               (another port: make demo PORT=8080)
#   make test   sets up and runs the whole test suite (SQLite unless DATABASE_URL is set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GEINSTALLEERD := $(VENV)/.geinstalleerd
DEMO_DATABASE_URL ?= sqlite:///$(CURDIR)/demo.sqlite3
PORT ?= 8000
# The demo runs as production does: debug off (the Dutch error pages), static files
# through WhiteNoise (which also serves them to runserver).
DEMO := DJANGO_SETTINGS_MODULE=stapteam.settings.dev DJANGO_DEBUG=false \
	DATABASE_URL=$(DEMO_DATABASE_URL)

.PHONY: demo test install lint format check lock benchmark benchmark-landelijk clean

$(GEINSTALLEERD): requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	touch $@

install: $(GEINSTALLEERD)

demo: $(GEINSTALLEERD)
	$(DEMO) $(BIN)/python manage.py migrate --noinput
	$(DEMO) $(BIN)/python manage.py seed_demo
	$(DEMO) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(GEINSTALLEERD)
	$(BIN)/python -m pytest

lint: $(GEINSTALLEERD)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(GEINSTALLEERD)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(GEINSTALLEERD)
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=stapteam.settings.production \
	  DJANGO_SECRET_KEY=controle-alleen-$$(printf 'x%.0s' $$(seq 60)) \
	  REDIS_URL=redis://127.0.0.1:6379/0 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# Regenerate the pinned requirements (with their hashes) after changing pyproject.toml.
lock: $(GEINSTALLEERD)
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
	  --generate-hashes --allow-unsafe -o requirements/productie.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
	  --generate-hashes --allow-unsafe --extra dev -o requirements/dev.txt pyproject.toml

# Page speed with a large synthetic team, on a throwaway database (see docs/prestaties.md).
BENCHMARK_DATABASE_URL ?= sqlite:///$(CURDIR)/benchmark.sqlite3
BENCHMARK := DJANGO_SETTINGS_MODULE=stapteam.settings.dev DJANGO_DEBUG=false \
	DATABASE_URL=$(BENCHMARK_DATABASE_URL)
benchmark: $(GEINSTALLEERD)
	rm -f benchmark.sqlite3
	$(BENCHMARK) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCHMARK) $(BIN)/python manage.py benchmark $(BENCHMARK_ARGS)

# National size (100 teams, 20 000 clients, 2 M contacts, 10 M access-log rows) on an
# empty PostgreSQL database of its own; the command refuses any other. For example:
#   createdb -h 127.0.0.1 -U postgres landelijk_bench
#   make benchmark-landelijk BENCHMARK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/landelijk_bench
# BENCHMARK_ARGS="--alleen-meten" measures that database again without rebuilding it.
benchmark-landelijk: $(GEINSTALLEERD)
	@case "$(BENCHMARK_DATABASE_URL)" in postgres*) ;; \
	  *) echo "Zet BENCHMARK_DATABASE_URL op een lege PostgreSQL-database."; exit 1;; esac
	$(BENCHMARK) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCHMARK) $(BIN)/python manage.py benchmark --landelijk $(BENCHMARK_ARGS)

clean:
	rm -rf $(VENV) staticfiles demo.sqlite3 benchmark.sqlite3
