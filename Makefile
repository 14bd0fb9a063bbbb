# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := var/demo.accreditor

.PHONY: run test lint bench install demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[app,test,postgres]'
	touch $(STAMP)

install: $(STAMP)

$(DEMO): | $(STAMP)
	mkdir -p $(dir $(DEMO))
	$(BIN)/accreditor demo $(DEMO)

demo: $(DEMO)

run: $(STAMP) $(DEMO)
	$(BIN)/accreditor-app $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.desk_speed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.open_speed
	$(BIN)/python -m bench.stations

clean:
	rm -rf $(VENV) var build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
