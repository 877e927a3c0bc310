# journal: the two commands of the README, and the rest.
#   make site   install what is missing, build, index journal/ and render the site to _site/
#   make test   install what is missing and run every test
SWIFT ?= swift
JOURNAL := .build/release/journal

.PHONY: all deps build site test lint bench fixtures fuzz fuzz-texmath clean

all: build

deps:
	@scripts/install-deps
	@scripts/site-checkers.sh

# The release binary links the Swift runtime and Foundation statically: no dynamic loading and
# symbol binding of ~15 Swift libraries and ICU at every start (issues #4, #6: `journal --version`
# 19 -> 13 ms CPU). Static Foundation does not name its own libraries: they are listed here.
# Nothing imports FoundationNetworking (it would link libcurl and ~30 more libraries).
# `make test` stays dynamic.
STATIC_SWIFT := --static-swift-stdlib $(addprefix -Xlinker -l,CoreFoundation \
  _FoundationCollections _FoundationCShims _FoundationICU swiftSynchronization)

# Start-up again (issue #4): a position-dependent executable has none of a PIE's ~93,000 relative
# relocations (~275 fewer copy-on-write page faults per run), and a static libstdc++ (the Swift
# runtime and ICU use it) spares the loader mapping and binding libstdc++.so: `journal --version`
# ~5.5 -> ~3.4 ms CPU. The folder holds only libstdc++.a, so the toolchain's -lstdc++ finds it first.
STATIC_CXX := $(CURDIR)/.build/static-libstdc++
FAST_START := -Xlinker -no-pie -Xswiftc -L$(STATIC_CXX)

build: deps
	@mkdir -p $(STATIC_CXX); rm -f $(STATIC_CXX)/libstdc++.a; \
	  for cc in clang gcc cc; do \
	    lib=$$($$cc -print-file-name=libstdc++.a 2>/dev/null) && [ -f "$$lib" ] && \
	      { ln -sf "$$lib" $(STATIC_CXX)/libstdc++.a; break; }; \
	  done; [ -f $(STATIC_CXX)/libstdc++.a ] || echo "make: no libstdc++.a found: linking libstdc++ dynamically"
	$(SWIFT) build -c release --product journal $(STATIC_SWIFT) $(FAST_START)

# The main job. Each step runs when its command exists (the index and site land with their issues).
site: build
	@scripts/site.sh $(JOURNAL)

test: deps lint
	$(SWIFT) test

# The code style of .swift-format (swift-format ships with the toolchain): any finding fails.
# `swift-format format -i -r Sources Tests Plugins benchmarks Package.swift` fixes most of them.
LINTED := Sources Tests Plugins benchmarks Package.swift
lint:
	swift-format lint --strict --parallel -r $(LINTED)

# Every fuzzer (test suites named *FuzzTests) for an hour, side by side; `make test` gives each a
# few seconds. FUZZ_SECONDS=N changes the time, FUZZ_SEED=N replays a run, FUZZ_REPLAY=FILE runs
# one saved input (.build/fuzz/NAME.input holds the input running when a crash killed the run).
# ASAN=1 builds with AddressSanitizer.
FUZZ_SECONDS ?= 3600
fuzz: deps
	FUZZ_SEED=$(or $(FUZZ_SEED),clock) FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test $(if $(ASAN),--sanitize=address) --filter FuzzTests

# The TeX fuzzer compiled with -O (about 20 times the inputs of the debug one in `make fuzz`).
fuzz-texmath:
	sh benchmarks/texmath.sh --fuzz $(FUZZ_SECONDS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

# Benchmarks compare side by side with the anchors named in the issues and print ratios.
bench: build
	@scripts/install-deps scripts/debian-packages.txt scripts/debian-packages-bench.txt
	@scripts/bench.sh

# docs/engine.md from the engine's signature tables (a test fails when it is stale).
engine-doc:
	UPDATE_ENGINE_DOC=1 $(SWIFT) test --filter PyInterpreterTests.EngineReferenceTests

# Regenerate fixtures from real NumPy / PyTorch / CPython (by hand, never in CI).
fixtures:
	python3 scripts/make-fixtures.py

clean:
	rm -rf .build _site .journal
