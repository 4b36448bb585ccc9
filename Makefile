# policy-core: the entry points a newcomer needs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
SERVICES := scripts/services.sh
# Use the services started by scripts/services.sh unless DATABASE_URL / KAFKA_BOOTSTRAP_SERVERS are set.
WITH_SERVICES = set -a; source <($(SERVICES) env); set +a;

.PHONY: help install demo test test-unit bench services-up services-down services-status serve migrate clean

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

.local/installed: pyproject.toml
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@mkdir -p .local && touch $@

install: .local/installed ## install the package and test tools (editable)

demo: install ## the main job on the embedded default (SQLite, no services)
	$(PYTHON) -m application.cli demo

test: install services-up ## provision PostgreSQL + Kafka, then run every test
	$(WITH_SERVICES) $(PYTHON) -m pytest

test-unit: install ## the pure unit tests only (no services)
	$(PYTHON) -m pytest tests/unit

bench: install services-up ## benchmarks against baselines measured in the same run
	$(WITH_SERVICES) $(PYTHON) -m bench.run

services-up: ## start (or reuse) local PostgreSQL and Kafka on loopback
	$(SERVICES) start

services-down: ## stop the local services
	$(SERVICES) stop

services-status:
	$(SERVICES) status

migrate: install services-up ## apply migrations and create topics on the local services
	$(WITH_SERVICES) $(PYTHON) -m application.cli migrate

serve: install services-up ## run the relay, every consumer and workflow, and the API on the local services (Ctrl-C stops all)
	$(WITH_SERVICES) $(PYTHON) -m application.cli migrate && \
	trap 'kill 0' INT TERM EXIT; \
	$(PYTHON) -m application.cli relay & \
	for consumer in contracts interventions claims collections claim-deadlines proposal-export payments; do \
		$(PYTHON) -m application.cli consume $$consumer & \
	done; \
	$(PYTHON) -m application.cli api --port 8000 & \
	wait

clean: ## remove local data (not the services' state)
	rm -rf var
