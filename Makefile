# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := var/demo.accreditor

.PHONY: run test lint bench install demo clean dist install-desktop translations update-translations

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
	$(BIN)/python -m bench.stations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.app_stations

# The packaged app: dist/accreditor/ holds accreditor, accreditor-app and accreditor-gate (see build.spec).
DIST := dist/accreditor
DIST_STAMP := $(VENV)/.dist-installed

$(DIST_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[app,postgres,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	@du -sh $(DIST)

# Menu entries and the icon for the packaged app (Linux, this user; `make dist` first).  Each desktop file is
# named after its program, which is the app id Qt gives the window on Wayland, so the shell shows our icon.
XDG_DATA_HOME ?= $(HOME)/.local/share
ICON_SIZES := 16 24 32 48 64 128 256 512

install-desktop:
	@test -x $(DIST)/accreditor-app || { echo "No packaged app in $(DIST): run 'make dist' first." >&2; exit 1; }
	for size in $(ICON_SIZES); do \
		install -D -m 644 resources/icons/accreditor-$$size.png \
			"$(XDG_DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/accreditor.png"; \
	done
	install -D -m 644 resources/icons/accreditor.svg "$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/accreditor.svg"
	mkdir -p "$(XDG_DATA_HOME)/applications"
	for entry in accreditor-app accreditor-gate; do \
		sed -e 's|^TryExec=|TryExec=$(abspath $(DIST))/|' -e 's|^Exec=\([a-z-]*\)|Exec="$(abspath $(DIST))/\1"|' \
			resources/$$entry.desktop > "$(XDG_DATA_HOME)/applications/$$entry.desktop"; \
	done
	if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$(XDG_DATA_HOME)/applications"; fi

clean:
	rm -rf $(VENV) var build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
