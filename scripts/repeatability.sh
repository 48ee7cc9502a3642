#!/bin/bash
# Do two passes on the instruction clock agree?  Runs the benchmark matrix
# twice with the guest's clock counting instructions (run-matrix.sh -T
# icount), pairs the two runs' medians series by series, and gives a
# verdict: the path lengths (instructions_*) and the world-switch counts
# (world_switches_*) of every series within TOLERANCE of each other, and
# no series missing from either run.  Timer interrupts land at other
# instructions from run to run, so the two need not be identical.
#
# usage: repeatability.sh [-o RESULTS_ROOT] [-t TOLERANCE] [-- MATRIX-ARGS...]
#   -t  the largest relative difference allowed (default 0.01: 1 %)
#   MATRIX-ARGS, after "--", go to both runs of scripts/run-matrix.sh
#   (e.g. -- -b 1 -r 3)
#
# Writes RESULTS_ROOT/<stamp>-<rev>/ (default results/) with the two runs'
# summary.csv as run-a.csv and run-b.csv, compare.csv
# (config,benchmark,metric,unit,median_a,median_b,rel_diff), and meta.json
# (run A's, plus the tolerance, the largest differences, the series where
# each lies, and "verdict": pass or fail).  Exits 1 when the verdict is
# fail, after writing the folder: a failed check is a result too.
set -eu
. "$(dirname "$0")/common.sh"

root=$TOP/results tolerance=0.01
while getopts 'o:t:h' opt; do
	case $opt in
	o) root=$OPTARG ;;
	t) tolerance=$OPTARG ;;
	*) sed -n '2,20s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
case $tolerance in
'' | *[!0-9.]* | *.*.* | .) die "-t takes a fraction such as 0.01, not '$tolerance'" ;;
esac

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

# Pair the medians series by series.
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

# largest PATTERN: the largest difference among the metrics matching the
# awk regex PATTERN, and the series it lies in ("0 none" when none).
largest() {
	awk -F, -v re="$1" 'NR > 1 && $3 ~ re && $7 != "missing" && (!n++ || $7 > m) {
			m = $7; where = $1 " " $2 " " $3
		}
		END { if (n) print m, where; else print "0 none" }' "$RESULTS_PARTIAL/compare.csv"
}
read -r path_diff path_where <<<"$(largest '^instructions_')"
read -r switch_diff switch_where <<<"$(largest '^world_switches_')"
read -r other_diff other_where <<<"$(largest '^(minflt|exits|fastpath|exitless)_')"
# Series either run lacks.
missing=$(awk -F, 'FNR > 1 { seen[$1 "," $2 "," $3 "," $4] += FILENAME ~ /run-a/ ? 1 : 2 }
	END { for (k in seen) n += seen[k] != 3; print n + 0 }' \
	"$RESULTS_PARTIAL/run-a.csv" "$RESULTS_PARTIAL/run-b.csv")
verdict=$(awk -v p="$path_diff" -v s="$switch_diff" -v t="$tolerance" -v m="$missing" \
	-v w="$path_where" 'BEGIN { print (p <= t && s <= t && m == 0 && w != "none") ? "pass" : "fail" }')

# Run A's metadata, with what the comparison found.
{
	sed '$d' "$runs/meta-a.json" | sed '$s/$/,/'
	json_object matrix_args "$*" tolerance "$tolerance" \
		max_rel_diff_path_length "$path_diff" max_path_length_series "$path_where" \
		max_rel_diff_world_switches "$switch_diff" max_world_switches_series "$switch_where" \
		max_rel_diff_other_counts "$other_diff" max_other_counts_series "$other_where" \
		series_missing "$missing" verdict "$verdict" | sed '1d'
} >"$RESULTS_PARTIAL/meta.json"
say "largest relative difference: path length $path_diff ($path_where), world switches $switch_diff ($switch_where); tolerance $tolerance: $verdict"
trap 'rm -rf "$runs"' EXIT
results_publish "$root"
[ "$verdict" = pass ]
