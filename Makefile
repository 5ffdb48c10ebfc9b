# The README's two commands are `make run` and `make test`; both build .venv from nothing.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck pytest fuzz bench bytecode

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (none found on PATH)"; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Bytecode for the app's sources (the install is editable, and PYTHONDONTWRITEBYTECODE may be
# set): compileall writes only what is out of date, so no start compiles a source file
# (tests/packaging/test_bytecode.py). The dependencies are compiled by pip when installed.
bytecode:
	@$(BIN)/python -m compileall -q tiledesk_jwt_gui

# The platform check (tiledesk_jwt_gui/platform_check.py) installs the system libraries Qt's
# platform plugin needs when it can (root or sudo), or prints the command and stops (exit 2).
run: $(STAMP) bytecode
	@$(BIN)/python -m tiledesk_jwt_gui.platform_check --install
	$(BIN)/tiledesk-jwt-gui

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest

test: test-deps lint typecheck frozen-smoke wheel-smoke pytest

# Debian packages some tests run (the samples' languages, headless Chromium, a Secret Service):
# a tool:package pair each, or a path:package pair for a library. Only the missing ones are
# installed, and only as root (as CI runs); otherwise the tests that need them skip, saying why.
TEST_DEBS := go:golang-go /usr/share/gocode/src/github.com/golang-jwt/jwt/go.mod:golang-github-golang-jwt-jwt-dev \
	php:php-cli javac:default-jdk-headless chromium:chromium \
	dbus-run-session:dbus gnome-keyring-daemon:gnome-keyring
# $(call install_debs,label,pairs): install the missing ones with apt-get as root, else say which.
define install_debs
	@missing=""; for pair in $(2); do what=$${pair%%:*}; package=$${pair#*:}; \
		case $$what in /*) test -e $$what ;; *) command -v $$what >/dev/null 2>&1 ;; esac \
			|| missing="$$missing $$package"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "$(1): SKIPPED (not root, or no apt-get): missing$$missing; what needs them skips"; \
		exit 0; fi; \
	echo "$(1): apt-get install$$missing"; \
	install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq \
		install -y --no-install-recommends $$missing >/dev/null; }; \
	install || { apt-get -o DPkg::Lock::Timeout=600 -qq update && install; }
endef
.PHONY: test-deps bench-deps
test-deps:
	$(call install_debs,test-deps,$(TEST_DEBS))

# make bench counts each program's instructions to its first frame with valgrind's callgrind.
bench-deps:
	$(call install_debs,bench-deps,valgrind:valgrind)

# A long hypothesis run over the core (make test runs the same properties briefly).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/core/test_fuzz.py -q

# The window rendered offscreen with its sample, for the README (assets/screenshot.png).
screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tiledesk_jwt_gui.app --screenshot assets/screenshot.png --size 1280x720

# --- The desktop app: PyInstaller bundle, icons, wheel (docs/packaging.md) --------------------
.PHONY: package package-onefile icons frozen-smoke wheel-smoke bench-package

SPEC := assets/packaging/tiledesk-jwt-gui.spec
BUNDLE := dist/tiledesk-jwt-gui
BUNDLE_EXE := $(BUNDLE)/tiledesk-jwt-gui
PYINSTALLER := $(BIN)/python -m PyInstaller --noconfirm
# What the bundle is made of: a change to any of these rebuilds it (make test caches it).
PACKAGING_SOURCES := pyproject.toml assets/icon.svg assets/icon.ico assets/icon.icns \
	$(shell find tiledesk_jwt_gui assets/packaging -type f ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null)
WHEEL_VENV := build/wheel-venv
WHEEL_INSTALLED := $(WHEEL_VENV)/.installed-wheel

# One folder, dist/tiledesk-jwt-gui/ (and the .app on macOS), always from a clean work folder.
define build_bundle
	rm -rf build/pyinstaller/onedir $(BUNDLE) "dist/Tiledesk JWT Inspector.app"
	$(PYINSTALLER) --log-level $(1) --distpath dist --workpath build/pyinstaller/onedir $(SPEC)
	@touch $(BUNDLE_EXE)
endef

package: $(STAMP)
	$(call build_bundle,WARN)
	@du -sh $(BUNDLE)

$(BUNDLE_EXE): $(STAMP) $(PACKAGING_SOURCES)
	$(call build_bundle,ERROR)

# Single files, dist/onefile/tiledesk-jwt-gui and dist/onefile/tiledesk-jwt (slower to start:
# they unpack themselves on every launch).
package-onefile: $(STAMP)
	rm -rf build/pyinstaller/onefile dist/onefile
	$(PYINSTALLER) --log-level WARN --distpath dist --workpath build/pyinstaller/onefile $(SPEC) -- --onefile
	@du -sh dist/onefile/*

# Re-render assets/icon.ico, assets/icon.icns and the Linux PNG sizes from assets/icon.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python assets/packaging/make_icons.py

# Build the bundle when its sources changed, then run both programs from it.
frozen-smoke: $(STAMP)
	@if ! $(BIN)/python -c 'import PyInstaller' 2>/dev/null; then \
		echo "frozen-smoke: SKIPPED: PyInstaller is not installed in $(VENV) (pip install -e '.[dev]')"; \
	else \
		$(MAKE) --no-print-directory $(BUNDLE_EXE) && \
		$(BIN)/python assets/packaging/smoke_bundle.py $(BUNDLE); \
	fi

# The wheel (and the sdist, when `build` is installed) in a fresh venv that has only it and its
# dependencies; the venv is made again when pyproject.toml changes, the wheel when a source does.
$(WHEEL_VENV)/.created: pyproject.toml | $(STAMP)
	rm -rf $(WHEEL_VENV)
	$(BIN)/python -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install --quiet --upgrade pip
	@touch $@

$(WHEEL_INSTALLED): $(WHEEL_VENV)/.created $(PACKAGING_SOURCES) README.md
	rm -rf dist/wheel build/lib build/bdist.*
	if $(BIN)/python -m build --version >/dev/null 2>&1; then \
		$(BIN)/python -m build --outdir dist/wheel . >/dev/null; \
	else \
		$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist/wheel .; \
	fi
	$(WHEEL_VENV)/bin/python -m pip uninstall --quiet --yes tiledesk-jwt-gui
	$(WHEEL_VENV)/bin/python -m pip install --quiet dist/wheel/*.whl
	@touch $@

wheel-smoke: $(WHEEL_INSTALLED)
	$(BIN)/python assets/packaging/smoke_bundle.py $(WHEEL_VENV)/bin

# Size and frozen start-up against a bare PySide6 window built by the same spec.
bench-package: $(BUNDLE_EXE)
	$(BIN)/python assets/packaging/bench_bundle.py

# Timing figures, each a ratio against a floor measured in the same run: docs/benchmarks.md.
# (Defined after BUNDLE_EXE: make expands a rule's prerequisites where the rule is read.)
bench: $(STAMP) bench-deps bytecode $(BUNDLE_EXE)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m tests.bench.bench
