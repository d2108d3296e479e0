# mijnpartnergroep.domains -- development entry points.
#
#   make demo    run playbooks/demo.yml against a local Domain API simulator
#   make test    units + sanity + integration + reliability + lint + check-release
#
# Everything runs from the virtualenv .venv/ (created on first use, refreshed
# when the requirement files change). The collection is made visible to Ansible
# through .build/collections/ansible_collections/mijnpartnergroep/domains, a
# symlink to this directory, and ANSIBLE_COLLECTIONS_PATH.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

# The newest ansible-core that runs on Python 3.11 is 2.19; the project pins it.
# PYTHON311: python3.11 on PATH if it works, else the newest pyenv 3.11.
PYTHON311 ?= $(shell for p in python3.11 $$(ls -d $$HOME/.pyenv/versions/3.11.*/bin/python3.11 2>/dev/null | sort -V -r); do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 11); print(sys.executable)' 2>/dev/null && break; done)
PIP_VERSION := 26.3

VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.mpg-installed
COLLECTIONS := $(CURDIR)/.build/collections
COLLECTION_LINK := $(COLLECTIONS)/ansible_collections/mijnpartnergroep/domains

export PATH := $(BIN):$(PATH)
export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export ANSIBLE_TEST := $(BIN)/ansible-test
# The demo and the tests run against localhost without an inventory file.
export ANSIBLE_LOCALHOST_WARNING := False
export ANSIBLE_INVENTORY_UNPARSED_WARNING := False
export PIP_DISABLE_PIP_VERSION_CHECK := 1

ANSIBLE_TEST_PYTHON := 3.11
VERSION := $(shell sed -n 's/^version: *//p' galaxy.yml)
TARBALL := dist/mijnpartnergroep-domains-$(VERSION).tar.gz
PYTEST_ARGS ?=
# Extra simulator options for the demo, e.g. a seeded state: --state FILE
DEMO_SIMULATOR_ARGS ?= --state $(CURDIR)/playbooks/files/demo-simulator-state.json
SANITY_ARGS ?=
INTEGRATION_ARGS ?=

.PHONY: help venv demo test units sanity integration reliability lint changelog-lint build check-release docs test-matrix clean distclean bench

help:
	@echo "make demo            run playbooks/demo.yml against a local simulator"
	@echo "make test            units + sanity + integration + reliability + lint + check-release"
	@echo "make venv            create/refresh .venv (pinned requirements-dev.txt)"
	@echo "make units           pytest tests/unit            (PYTEST_ARGS=...)"
	@echo "make reliability     pytest tests/reliability: faults, time-outs, tokens, load, bad input, secrets, TLS"
	@echo "make sanity          ansible-test sanity --venv   (SANITY_ARGS=...)"
	@echo "make integration     ansible-test integration     (INTEGRATION_ARGS=target...)"
	@echo "make lint            ansible-lint --profile production"
	@echo "make changelog-lint  antsibull-changelog lint"
	@echo "make build           ansible-galaxy collection build into dist/"
	@echo "make check-release   build + galaxy-importer (no containers, fails on any warning) + docs lint + changelog lint + fragment check"
	@echo "make docs            HTML documentation site in docs/_build/html (links checked)"
	@echo "make test-matrix     sanity + units + integration on ansible-core 2.16 ... 2.21 (MATRIX_ARGS=2.16)"
	@echo "make clean           remove build and test output (keeps .venv); distclean: also .venv"

venv: $(STAMP) $(COLLECTION_LINK)

$(STAMP): requirements-dev.txt constraints-dev.txt requirements.txt tests/simulator/pyproject.toml
	@test -n "$(PYTHON311)" || { echo "Python 3.11 not found (python3.11 on PATH or ~/.pyenv/versions/3.11.*)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON311) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e tests/simulator
	scripts/prepare-ansible-test-offline.sh $(BIN)/python
	touch $@

$(COLLECTION_LINK):
	mkdir -p $(dir $@)
	ln -sfn ../../../.. $@

demo: venv
	MPG_SIMULATOR_ARGS="$(DEMO_SIMULATOR_ARGS)" scripts/with-simulator.sh scripts/demo.sh

# Issue 8: counts and timed ratios against a simulator, written to tests/benchmarks/RESULTS.md (BENCH_ARGS=--quick).
bench: venv
	scripts/with-simulator.sh $(BIN)/python tests/benchmarks/run.py $(BENCH_ARGS)

units: venv
	PYTHONPATH=$(COLLECTIONS) $(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

sanity: venv
	scripts/ansible-test.sh sanity --venv --python $(ANSIBLE_TEST_PYTHON) $(SANITY_ARGS)

integration: venv
	ANSIBLE_TEST_PYTHON=$(ANSIBLE_TEST_PYTHON) scripts/integration.sh $(INTEGRATION_ARGS)

lint: venv
	ansible-lint --offline --profile production

changelog-lint: venv
	antsibull-changelog lint

# Drives ansible-playbook against simulators with fault injection (issue 9); see README "Reliability".
reliability: venv
	$(BIN)/python -m pytest tests/reliability $(PYTEST_ARGS)

# check-release includes changelog-lint.
test: units sanity integration reliability lint check-release demo

build: venv
	ansible-galaxy collection build --force --output-path dist

# galaxy-importer exits 0 on most findings (they are WARNING lines), so the
# log is the gate. It runs in .build/ because it writes importer_result.json
# into the current directory. RUN_ANSIBLE_TEST stays off (it would need Docker).
# Then the other publishing checks (issue 7): plugin docs and references,
# changelog fragments, and a fragment for every change to plugins/ or roles/.
check-release: build
	mkdir -p .build/galaxy-importer
	cd .build/galaxy-importer && GALAXY_IMPORTER_RUN_ANSIBLE_TEST=False \
		python -m galaxy_importer.main $(CURDIR)/$(TARBALL) 2>&1 | tee galaxy-importer.log
	! grep -E '^(WARNING|ERROR|CRITICAL)' .build/galaxy-importer/galaxy-importer.log
	grep -q '^Importer processing completed successfully' .build/galaxy-importer/galaxy-importer.log
	antsibull-docs lint-collection-docs --plugin-docs .
	antsibull-changelog lint
	scripts/check-changelog-fragment.sh

# HTML documentation site (modules, roles, guides) in docs/_build/html; links checked.
docs: venv
	PYTHON=$(BIN)/python scripts/build-docs.sh

# sanity + units + integration (a subset of targets) on ansible-core 2.16 to
# 2.21, each in .build/matrix/core-X.Y; MATRIX_ARGS="2.16 2.21" for some only.
# Not part of `make test` (it takes long); see README "Tested versions".
test-matrix: $(COLLECTION_LINK)
	scripts/test-matrix.sh $(MATRIX_ARGS)

clean:
	rm -rf .build/ansible-test .build/ansible-test-* .build/integration-logs .build/galaxy-importer .build/collections tests/output tests/integration/inventory dist .pytest_cache .ansible docs/_build
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf .venv .build
