# Two commands for people (README): `make run` and `make test`. Everything lives in .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stamp

.PHONY: run demo test bench lint clean package package-appimage package-test package-windows \
	package-windows-test translations qm

$(STAMP)-base: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(STAMP)-%: $(STAMP)-base
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$*]'
	touch $@

# The window's translations: translations/*.ts (source, edited with Qt Linguist) compiled to
# kmeans_gui/data/translations/*.qm (built, not committed) by the PySide6 wheel's lrelease.
TS_FILES := $(wildcard translations/kmeans_gui_*.ts)
QM_FILES := $(patsubst translations/%.ts,kmeans_gui/data/translations/%.qm,$(TS_FILES))
TS_LANGUAGES := de fr es
APP_SOURCES := $(wildcard kmeans_gui/app/*.py)

kmeans_gui/data/translations/%.qm: translations/%.ts $(STAMP)-base
	mkdir -p $(@D)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## qm: compile the translations (every target that runs or builds the app does it first)
qm: $(QM_FILES)

## translations: after changing the window's strings: collect them into translations/*.ts
## (pyside6-lupdate; English gets only the plural forms), then compile them
translations: $(STAMP)-base
	for lang in $(TS_LANGUAGES); do \
		$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete -target-language $$lang \
			$(APP_SOURCES) -ts translations/kmeans_gui_$$lang.ts || exit 1; \
	done
	$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete -pluralonly -target-language en \
		$(APP_SOURCES) -ts translations/kmeans_gui_en.ts
	$(MAKE) qm

## run: open the desktop window (the sample photo on a first start; PHOTOS="a.jpg b.png" opens those)
run: $(STAMP)-base qm
	$(BIN)/kmeans-gui $(PHOTOS)

## demo: the command line: compress the bundled sample photos at K=16 into ./output, with statistics
demo: $(STAMP)-base
	$(BIN)/kmeans-compress kmeans_gui/data/samples -k 16 -o output --force

## test: the whole suite, headless (not the tests of the built program: see package-test)
test: $(STAMP)-test qm
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not packaged and not windows"

## lint: ruff, mypy (the whole package) and the layers (import-linter contracts in pyproject.toml)
lint: $(STAMP)-dev
	$(BIN)/ruff check kmeans_gui tests
	$(BIN)/ruff format --check kmeans_gui tests
	$(BIN)/mypy kmeans_gui
	$(BIN)/lint-imports

## bench: the engine against its peers (issue #3): benchmarks/RESULTS.md, results.png, .json;
## then partly transparent images against pngquant and libimagequant (#14): rgba_results.json;
## then palette control (#19): palette_results.json
## (about 15-20 min on 2 cores, 6-9 of them scikit-learn's runs with three seeds for target 2;
## `make bench BENCH_ARGS=--quick` for a few minutes)
bench: $(STAMP)-bench
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/rgba_bench.py
	$(BIN)/python benchmarks/palette_bench.py

clean:
	rm -rf $(VENV) output build dist .pytest_cache kmeans_gui/data/translations

## package: build the desktop app twice from build_scripts/kmeans_gui.spec: the one-file
## executable dist/kmeans-gui (one file to hand out) and the one-folder app
## dist/kmeans-gui-dir/kmeans-gui (starts about 3x faster: no unpacking at each start)
package: $(STAMP)-package qm
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller build_scripts/kmeans_gui.spec
	$(BIN)/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller-dir build_scripts/kmeans_gui.spec -- --onedir

## package-appimage: the one folder as one file that mounts itself instead of unpacking,
## dist/kmeans-gui-x86_64.AppImage (build_scripts/appimage.py says how). Needs Debian's gcc,
## libsquashfuse-dev, libfuse3-dev, libzstd-dev, squashfs-tools, appstream and desktop-file-utils.
package-appimage: package
	$(BIN)/python build_scripts/appimage.py

## package-test: build, then run the built programs' self-tests (one file, one folder, AppImage),
## and build, install and run the wheel in a fresh venv (the tests marked `packaged`)
package-test: package-appimage $(STAMP)-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m packaged

## package-windows: the Windows app, built on Linux under Wine by the same spec
## (build_scripts/wine_windows.py says how): dist/windows/kmeans-gui.exe (one file) and
## dist/windows/kmeans-gui-dir/ (one folder, with kmeans-compress.exe). Needs Debian's wine,
## wine64, xvfb, gcc-mingw-w64-x86-64 and osslsigncode.
package-windows: $(STAMP)-package qm
	$(BIN)/python build_scripts/wine_windows.py build

## package-windows-test: build, then run the Windows programs under Wine (the tests marked
## `windows`): self-tests offscreen and on Qt's windows platform (Xvfb), the command line
package-windows-test: package-windows $(STAMP)-test
	$(BIN)/python -m pytest -m windows
