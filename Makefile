# Một Cửa Thân Thiện. The two commands a newcomer needs:
#   make run [DEMO=1] [DB=path]   installs what the window needs, builds, opens it
#   make test                     installs what tests need, runs vet and every test
SHELL := /bin/bash
GO ?= go
VERSION := $(shell sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X motcua/internal/cli.Version=$(VERSION)
DB ?=
DBFLAG := $(if $(DB),--db "$(DB)")
DEMO ?=
DEMO_DOSSIERS ?= 3000
BENCH_DOSSIERS ?= 1000000
BENCH_DB ?= /tmp/motcua-bench.db

.PHONY: xlsx-check fuzz run build cli test test-pg vet fuzz reliability bench windows linux smoke-windows ime-smoke-windows window-check deps-run deps-test clean

## run: build the desktop program and open it on the default database (DEMO=1 fills it with demo data first)
run: deps-run build
ifneq ($(DEMO),)
	./motcua seed --if-empty --demo-profile --dossiers $(DEMO_DOSSIERS) $(DBFLAG)
endif
	./motcua $(DBFLAG)

## build: the real desktop binary (cgo, OpenGL). no_emoji leaves out Fyne's
## 4 MB colour-emoji font, which no screen uses: the window parsed it once per
## text style, ~20 MB of its resident memory (bench-window.sh measures it).
## no_animations keeps the text cursor steady instead of fading in and out:
## the fade redrew the whole window ~14 times a second while a field had the
## focus, 8.8 % of a core with software rendering, 1.5 % without (the tabs'
## and buttons' small animations go too).
GO_TAGS ?= no_emoji no_animations
export GO_TAGS
build:
	$(GO) build -tags "$(GO_TAGS)" -ldflags "$(LDFLAGS)" -o motcua .

## cli: the headless binary (no cgo; the window part is Fyne's test driver)
cli:
	CGO_ENABLED=0 $(GO) build -tags ci -ldflags "$(LDFLAGS)" -o motcua .

## test: vet and every test, headless
## The golden images run on their own: drawn in a process where earlier tests'
## windows still measure text, a capture can catch a half-laid-out frame.
GOLDEN := ^TestGolden
test: deps-test vet
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 -run '$(GOLDEN)' ./app
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 -skip '$(GOLDEN)' ./...

## test-pg: the store, office and cli tests on both engines; needs MOTCUA_TEST_PG
## (bash scripts/pg-test.sh make test-pg starts a throwaway PostgreSQL and sets it)
test-pg: deps-test
	@test -n "$$MOTCUA_TEST_PG" || { echo "MOTCUA_TEST_PG is not set: run bash scripts/pg-test.sh make test-pg"; exit 1; }
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 ./internal/store/... ./internal/office/... ./internal/cli/...

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	CGO_ENABLED=0 $(GO) vet -tags ci ./...
	GOOS=windows CGO_ENABLED=0 $(GO) vet -tags ci ./...
	GOOS=windows CGO_ENABLED=0 $(GO) vet ./app/winkeys ./app/winplace

## fuzz: every reader of outside data fuzzed briefly (FUZZTIME each, default 5s); reliability: docs/reliability.md's figures
## xlsx-check: our Excel files opened by LibreOffice headless (installs LibreOffice Calc)
xlsx-check:
	bash packaging/deps.sh office test
	MOTCUA_REQUIRE_SOFFICE=1 CGO_ENABLED=0 $(GO) test -tags ci -count=1 -run 'XLSX' -v ./internal/report 2>&1 | grep -E '^(=== RUN|--- |ok|FAIL|PASS)|soffice|LibreOffice'; test $${PIPESTATUS[0]} -eq 0

fuzz:
	bash scripts/fuzz.sh $(or $(FUZZTIME),5s)
reliability:
	bash scripts/reliability.sh

## bench: the figures the issues name, as a markdown table (seeds BENCH_DOSSIERS dossiers into BENCH_DB;
## with MOTCUA_BENCH_PG=postgres://… or through bash scripts/pg-test.sh make bench, PostgreSQL beside it)
## The real window's first frame and memory are measured too (builds it; BENCH_WINDOW=0 skips them).
BENCH_WINDOW ?= 1
bench: deps-test $(if $(filter 1,$(BENCH_WINDOW)),deps-run build)
	$(if $(filter 1,$(BENCH_WINDOW)),bash packaging/deps.sh window)
	CGO_ENABLED=0 $(GO) build -tags ci -ldflags "$(LDFLAGS)" -o /tmp/motcua-bench-bin .
	MOTCUA_BENCH_WINDOW=$(if $(filter 1,$(BENCH_WINDOW)),./motcua) bash scripts/bench.sh /tmp/motcua-bench-bin "$(BENCH_DB)" $(BENCH_DOSSIERS)

## windows: cross-compiled, signed exe, installer and portable zip in dist/windows
windows:
	bash packaging/deps.sh windows
	EXTRA_LDFLAGS="$(LDFLAGS)" bash packaging/windows/build.sh

## linux: tarball with the binary, .desktop file and icon in dist/linux
linux:
	bash packaging/deps.sh linux
	EXTRA_LDFLAGS="$(LDFLAGS)" bash packaging/linux/build.sh

## smoke-windows: install, start, use and uninstall the Windows build under Wine and Xvfb
smoke-windows: windows
	bash packaging/deps.sh smoke
	bash packaging/windows/smoke.sh

## ime-smoke-windows: Unikey/EVKey Telex corrections (backspaces as Unicode packets) under Wine
ime-smoke-windows:
	bash packaging/deps.sh smoke windows
	bash packaging/windows/ime-smoke.sh

## window-check: the real Linux window under Xvfb, with a screenshot in dist/linux-window.png
window-check: deps-run build
	bash packaging/deps.sh window
	bash scripts/window-check.sh ./motcua dist/linux-window.png
	bash scripts/window-e2e.sh ./motcua dist

deps-run:
	bash packaging/deps.sh linux

deps-test:
	bash packaging/deps.sh test

clean:
	rm -rf motcua motcua.exe dist build
