#!/usr/bin/env bash
# Checks that an optimisation of `crieur check` changed no result: runs the
# release build on the benchmark's 1 MB of prose, on every sample item of the tests
# (valid and invalid) and on the repository's samples/, in JSON and in text,
# and compares stdout, stderr and the exit code byte for byte with REFDIR.
#
#   benchmarks/readability/same_output.sh --record REFDIR   # once, before the change
#   benchmarks/readability/same_output.sh REFDIR            # after: exit 0 when identical
#
# The 1 MB text is written by the `bench` script's own assembler (same seed)
# and kept in REFDIR when recording, so the comparison reads the very same bytes
# even if the paragraphs the assembler gathers (test literals, samples) change.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
record=false
if [ "${1:-}" = "--record" ]; then record=true; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--record] REFDIR" >&2; exit 64; }
refdir=$1

(cd "$repo" && swift build -c release --product crieur >/dev/null)
crieur="$(cd "$repo" && swift build -c release --show-bin-path)/crieur"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bench"
prose="$work/bench/prose.txt"
if ! $record && [ -f "$refdir/bench-prose.input" ]; then
    cp "$refdir/bench-prose.input" "$prose"
else
    python3 - "$here" "$prose" <<'EOF'
import importlib.machinery, sys
sys.path.insert(0, sys.argv[1])
bench = importlib.machinery.SourceFileLoader("bench", sys.argv[1] + "/bench").load_module()
bench.assemble(sys.argv[2])
EOF
fi

out="$work/out"
mkdir -p "$out"
corpus="$repo/Tests/CrieurKitTests/Fixtures/corpus"
inputs=("$prose" "$corpus"/items/* "$corpus"/invalid/* "$repo"/samples/*)
for input in "${inputs[@]}"; do
    name=$(basename "$(dirname "$input")")-$(basename "$input")
    for format in json text; do
        # Run from the input's folder with a relative name, so paths in the output do not depend on $work.
        set +e
        (cd "$(dirname "$input")" && CRIEUR_ROOT=/nonexistent "$crieur" check --format "$format" "$(basename "$input")") \
            >"$out/$name.$format.out" 2>"$out/$name.$format.err"
        echo $? >"$out/$name.$format.rc"
        set -e
    done
done
# All files at once too: several reports in one process.
set +e
(cd "$corpus/items" && CRIEUR_ROOT=/nonexistent "$crieur" check --format json *) >"$out/all-items.json.out" 2>&1
echo $? >"$out/all-items.json.rc"
set -e

if $record; then
    mkdir -p "$refdir"
    cp "$out"/* "$refdir"/
    cp "$prose" "$refdir/bench-prose.input"
    echo "recorded $(ls "$out" | wc -l) outputs in $refdir"
    exit 0
fi
if diff -r -q -x bench-prose.input "$refdir" "$out"; then
    echo "same output: $(ls "$out" | wc -l) files identical to $refdir"
else
    echo "OUTPUT CHANGED (see diff above)" >&2
    exit 1
fi
