# pos-client: `make demo` to try the till, `make test` to run every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: demo test lint format setup clean package deb smoke-bundle translations

setup: $(READY)

$(READY): pyproject.toml packaging/system-deps.sh
	bash packaging/system-deps.sh
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "pos-client needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "cannot create $(VENV): install python3-venv (sudo apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[hub,test,package]'
	touch $(READY)

demo: $(READY)
	$(BIN)/pos-client --demo

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(READY)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Update the Qt Linguist files from the texts in the source, then compile what the till loads.
translations: $(READY)
	$(BIN)/pyside6-lupdate pos_client/ui/strings.py -ts resources/i18n/pos_client_ru.ts \
		-target-language ru_RU -source-language en -no-obsolete -locations none
	$(BIN)/pyside6-lrelease resources/i18n/pos_client_ru.ts -qm resources/i18n/pos_client_ru.qm

package: $(READY)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/linux/pos-client.spec
	@du -sh dist/pos-client

smoke-bundle:
	dist/pos-client/pos-client --version
	dist/pos-client/pos-client --demo --smoke-test

deb: package
	bash packaging/linux/build-deb.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
