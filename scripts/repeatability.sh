#!/bin/bash
# Does the deterministic clock profile repeat?  Runs the benchmark matrix
# twice with the guest's clock counting instructions (run-matrix.sh -T
# icount) and records how far apart each series' medians are.  Records,
# does not judge: a benchmark, not a test.
#
# usage: repeatability.sh [-o RESULTS_ROOT] [MATRIX-ARGS...]
#   MATRIX-ARGS go to both runs of scripts/run-matrix.sh (e.g. -b 1 -r 3)
#
# Writes RESULTS_ROOT/<stamp>-<rev>/ (default results/) with the two runs'
# summary.csv as run-a.csv and run-b.csv, compare.csv
# (config,benchmark,metric,unit,median_a,median_b,rel_diff), and meta.json
# (run A's, plus the largest relative difference of time figures and
# whether every count, minor faults and world switches, was identical).
set -eu
. "$(dirname "$0")/common.sh"

root=$TOP/results
if [ "${1:-}" = -o ]; then
	[ $# -ge 2 ] || die "-o needs a folder"
	root=$2
	shift 2
fi

RESULTS_REV=$(project_rev)
runs=$(mktemp -d)
results_begin "$root"
trap 'rm -rf "$RESULTS_PARTIAL" "$runs"' EXIT
for run in a b; do
	say "run $run of the matrix with -T icount"
	"$TOP/scripts/run-matrix.sh" -T icount -o "$runs/$run" "$@" >/dev/null
	cp "$runs/$run"/*/summary.csv "$RESULTS_PARTIAL/run-$run.csv"
done
cp "$runs/a"/*/meta.json "$runs/meta-a.json"

# Pair the medians series by series; counts are the series whose unit is
# faults or switches, times the rest.
awk -F, -v OFS=, '
	FNR == 1 { next }
	{ key = $1 OFS $2 OFS $3 OFS $4 }
	FILENAME ~ /run-a/ { a[key] = $6; order[++n] = key; next }
	{ b[key] = $6 }
	END {
		print "config,benchmark,metric,unit,median_a,median_b,rel_diff"
		for (i = 1; i <= n; i++) {
			k = order[i]
			if (!(k in b)) { print k, a[k], "", "missing"; continue }
			d = a[k] == 0 ? (b[k] == 0 ? 0 : 1) : (b[k] - a[k]) / a[k]
			print k, a[k], b[k], sprintf("%.6f", d < 0 ? -d : d)
		}
	}' "$RESULTS_PARTIAL/run-a.csv" "$RESULTS_PARTIAL/run-b.csv" \
	>"$RESULTS_PARTIAL/compare.csv"

max_time=$(awk -F, 'NR > 1 && $4 != "faults" && $4 != "switches" && $7 != "missing" &&
	$7 > m { m = $7 } END { printf "%.6f", m }' "$RESULTS_PARTIAL/compare.csv")
counts_same=$(awk -F, 'NR > 1 && ($4 == "faults" || $4 == "switches") && $5 != $6 { bad = 1 }
	END { print bad ? "no" : "yes" }' "$RESULTS_PARTIAL/compare.csv")
missing=$(grep -c ',missing$' "$RESULTS_PARTIAL/compare.csv" || true)

# Run A's metadata, with what the comparison found.
sed '$d' "$runs/meta-a.json" | sed '$s/$/,/' >"$RESULTS_PARTIAL/meta.json"
cat >>"$RESULTS_PARTIAL/meta.json" <<EOF
  "matrix_args": "$*",
  "max_rel_diff_time": "$max_time",
  "counts_identical": "$counts_same",
  "series_missing_in_b": "$missing"
}
EOF
say "largest relative difference of a time median: $max_time; counts identical: $counts_same"
trap 'rm -rf "$runs"' EXIT
results_publish "$root"
