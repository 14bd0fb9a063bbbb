# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := var/demo.accreditor

.PHONY: run test lint bench install demo clean translations update-translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[app,test,postgres]'
	touch $(STAMP)

# The app's translations: .ts sources in the repository, .qm built from them (never committed).
TS := $(wildcard resources/translations/accreditor_*.ts)
QM := $(TS:.ts=.qm)

%.qm: %.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After changing visible strings: collect them into the .ts files, then translate what is unfinished.
update-translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

install: $(STAMP) $(QM)

$(DEMO): | $(STAMP)
	mkdir -p $(dir $(DEMO))
	$(BIN)/accreditor demo $(DEMO)

demo: $(DEMO)

run: install $(DEMO)
	$(BIN)/accreditor-app $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.desk_speed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.open_speed

clean:
	rm -rf $(VENV) var build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
