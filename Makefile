# journal: the two commands of the README, and the rest.
#   make site   install what is missing, build, index journal/ and render the site to _site/
#   make test   install what is missing and run every test
SWIFT ?= swift
JOURNAL := .build/release/journal

.PHONY: all deps build site test bench fixtures clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product journal

# The main job. Each step runs when its command exists (the index and site land with their issues).
site: build
	@scripts/site.sh $(JOURNAL)

test: deps
	$(SWIFT) test

# Benchmarks compare side by side with the anchors named in the issues and print ratios.
bench: build
	@scripts/install-deps scripts/debian-packages.txt scripts/debian-packages-bench.txt
	@scripts/bench.sh

# Regenerate fixtures from real NumPy / PyTorch / CPython (by hand, never in CI).
fixtures:
	python3 scripts/make-fixtures.py

clean:
	rm -rf .build _site .journal
