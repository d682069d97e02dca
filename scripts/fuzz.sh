#!/usr/bin/env bash
# Short fuzz runs of every reader of outside data (CI calls this; a longer
# run: scripts/fuzz.sh 10m). Each target runs for the given time (default
# 5s); a failure leaves its input under the package's testdata/fuzz/ and
# stops the script. Usage: scripts/fuzz.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin CGO_ENABLED=0
t=${1:-5s}
targets=(
	"./internal/cli FuzzParseTimes"
	"./internal/cli FuzzCommandLine"
	"./internal/office FuzzProcedureFile"
	"./internal/office FuzzScheduleFile"
	"./internal/office FuzzTemplate"
	"./internal/office FuzzCleanText"
	"./internal/textvn FuzzStripInvisible"
	"./internal/bundle FuzzRead"
	"./internal/xlsximport FuzzParseDate"
	"./internal/xlsximport FuzzRead"
)
for target in "${targets[@]}"; do
	read -r pkg name <<<"$target"
	echo "== fuzz $name ($pkg, $t)"
	go test -tags ci -run '^$' -fuzz "^${name}\$" -fuzztime "$t" "$pkg" 2>&1 | tail -n 3
done
