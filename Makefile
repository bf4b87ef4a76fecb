# Thin wrapper over meson.  `make run` and `make test` are the quick start: each installs
# missing Debian build dependencies (as root), configures and builds first.

BUILD      ?= build
ASAN_BUILD ?= build-asan
MESON      ?= meson
GALLEY      = $(BUILD)/core/galley
SHARED     ?= ../shared
JOBS       ?= 2

.PHONY: all deps build build-asan run test test-fast test-asan bench bench-bombs bench-quality fuzz install clean

all: build

deps:
	@sh build-aux/deps.sh

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) --buildtype=debugoptimized -Dwerror=true

$(ASAN_BUILD)/build.ninja:
	$(MESON) setup $(ASAN_BUILD) --buildtype=debug -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j $(JOBS)

build-asan: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD) -j $(JOBS)

# The main job on the bundled samples: scraped HTML pages and the scraped text article
# to JSON Lines and EPUB.
run: build
	@mkdir -p out
	$(GALLEY) run samples/pipelines/news-to-epub.galley
	$(GALLEY) run samples/pipelines/scraped-text.galley
	@echo
	@echo "Outputs:"
	@ls -l out/ | sed -n '2,$$p' | awk '{print "  out/" $$NF " (" $$5 " bytes)"}'

# The whole suite, in a normal build and under AddressSanitizer + UndefinedBehaviorSanitizer.
test: build build-asan
	@rm -f $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog.json
	-$(MESON) test -C $(BUILD) --print-errorlogs --num-processes $(JOBS)
	-ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		$(MESON) test -C $(ASAN_BUILD) --print-errorlogs --num-processes $(JOBS) --timeout-multiplier 3
	@python3 build-aux/test-summary.py $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog.json

# The suite in the normal build only (quicker while developing).
test-fast: build
	@rm -f $(BUILD)/meson-logs/testlog.json
	-$(MESON) test -C $(BUILD) --print-errorlogs --num-processes $(JOBS)
	@python3 build-aux/test-summary.py $(BUILD)/meson-logs/testlog.json

# Speed and memory (never part of `make test`).
bench: build
	@sh bench/run.sh $(BUILD) $(SHARED)

# Peak memory and messages on decompression bombs (generated in BOMBS_DIR, ~140 MB); use a
# release build: make bench-bombs BUILD=build-release
BOMBS_DIR ?= /tmp/galley-bombs
bench-bombs: build
	@sh bench/bombs.sh $(BUILD) $(BOMBS_DIR)

# Extraction and attribution quality on the development set.
bench-quality: build
	@sh bench/quality.sh $(BUILD) $(SHARED)

# Coverage-guided fuzzing of every reader through the whole chain, and of the pipeline parser
# (clang's libFuzzer, under ASan+UBSan).  FUZZ_SECONDS per target; corpora in build-fuzz/corpus.
FUZZ_SECONDS ?= 120
fuzz: deps
	@command -v clang >/dev/null || { echo "make fuzz needs clang (apt-get install clang)"; exit 1; }
	@[ -f build-fuzz/build.ninja ] || CC=clang $(MESON) setup build-fuzz -Dfuzz=true -Dtests=false \
		-Db_sanitize=address,undefined -Db_lundef=false --buildtype=debugoptimized
	ninja -C build-fuzz -j $(JOBS)
	@sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

install: build
	$(MESON) install -C $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
