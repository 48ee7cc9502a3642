#!/bin/bash
# Do two passes on the instruction clock agree?  Runs the benchmark matrix
# twice with the guest's clock counting instructions (run-matrix.sh -T
# icount), pairs the two runs' medians series by series, and gives a
# verdict (scripts/repeatability-compare.sh): every path length
# (instructions_*) within TOLERANCE, every count (world switches, exits
# by reason, fastpath and exitless events, minor faults) within TOLERANCE
# or within one event a repetition, and no series missing from either run.
# On the instruction clock a boot repeats to the instruction (vm-run.sh
# -T icount keeps the host's clock out of the guest), so the two runs are
# expected to be identical; the verdict counts the series that are.
#
# usage: repeatability.sh [-o RESULTS_ROOT] [-t TOLERANCE] [-- MATRIX-ARGS...]
#   -t  the largest relative difference allowed (default 0.01: 1 %)
#   MATRIX-ARGS, after "--", go to both runs of scripts/run-matrix.sh
#   (e.g. -- -b 1 -r 3)
#
# Writes RESULTS_ROOT/<stamp>-<rev>/ (default results/) with the two runs'
# summary.csv as run-a.csv and run-b.csv, compare.csv (every series'
# medians, differences, what it may differ by and its verdict: see
# scripts/repeatability-compare.sh), and meta.json (run A's, plus the
# tolerance, the count floor, how many series are identical, within,
# outside and missing, the largest differences and where each lies, the
# series outside, and "verdict": pass or fail).  Exits 1 when the verdict
# is fail, after writing the folder: a failed check is a result too.
set -eu
. "$(dirname "$0")/common.sh"

root=$TOP/results tolerance=0.01
while getopts 'o:t:h' opt; do
	case $opt in
	o) root=$OPTARG ;;
	t) tolerance=$OPTARG ;;
	*) sed -n '2,25s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
is_fraction "$tolerance" || die "-t takes a fraction such as 0.01, not '$tolerance'"

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

# Pair the medians series by series and judge them
# (scripts/repeatability-compare.sh), over the units one repetition of
# each benchmark counts in the profile the runs used.
profile=$(sed -n 's/^  "profile": "\(.*\)",\{0,1\}$/\1/p' "$runs/meta-a.json")
"$TOP/scripts/suite.sh" units lguest-baseline "$profile" >"$runs/units"
verdict=pass rc=0
"$TOP/scripts/repeatability-compare.sh" -t "$tolerance" "$RESULTS_PARTIAL/run-a.csv" \
	"$RESULTS_PARTIAL/run-b.csv" "$runs/units" >"$RESULTS_PARTIAL/compare.csv" || rc=$?
case $rc in
0) ;;
1) verdict=fail ;;
*) die "comparing the two runs failed (status $rc)" ;;
esac

# largest PATTERN: the largest relative difference among the metrics
# matching the awk regex PATTERN, and the series it lies in ("0 none" when
# none).
largest() {
	awk -F, -v re="$1" 'NR > 1 && $3 ~ re && $10 != "missing" && (!n++ || $7 > m) {
			m = $7; where = $1 " " $2 " " $3
		}
		END { if (n) print m, where; else print "0 none" }' "$RESULTS_PARTIAL/compare.csv"
}
# tally VALUE [COLUMN]: how many series compare.csv gives that verdict (or
# that value in COLUMN).
tally() {
	awk -F, -v v="$1" -v c="${2:-10}" 'NR > 1 && $c == v { n++ } END { print n + 0 }' \
		"$RESULTS_PARTIAL/compare.csv"
}
# series_where AWK-CONDITION: the series compare.csv's rows meeting it,
# "; "-separated.
series_where() {
	awk -F, "NR > 1 && $1"' { printf "%s%s %s %s", n++ ? "; " : "", $1, $2, $3 }' \
		"$RESULTS_PARTIAL/compare.csv"
}
read -r path_diff path_where <<<"$(largest '^instructions_')"
read -r switch_diff switch_where <<<"$(largest '^world_switches_')"
read -r other_diff other_where <<<"$(largest '^(minflt|exits|fastpath|exitless)_')"

# Run A's metadata, with what the comparison found.
{
	sed '$d' "$runs/meta-a.json" | sed '$s/$/,/'
	json_object matrix_args "$*" tolerance "$tolerance" \
		max_rel_diff_path_length "$path_diff" max_path_length_series "$path_where" \
		max_rel_diff_world_switches "$switch_diff" max_world_switches_series "$switch_where" \
		max_rel_diff_other_counts "$other_diff" max_other_counts_series "$other_where" \
		count_floor "one event a repetition, 1/(pages or operations) a unit, plus 0.001 for the printed precision" \
		series_same "$(tally same)" series_within "$(tally within)" \
		series_outside "$(tally OUTSIDE)" series_missing "$(tally missing)" \
		outside "$(series_where '$10 == "OUTSIDE"')" \
		series_in_states "$(tally yes 12)" \
		states "repetitions within one run one event or more a page or operation apart: the workload in more than one state, the median one of them" \
		in_states "$(series_where '$12 == "yes"')" \
		verdict "$verdict" | sed '1d'
} >"$RESULTS_PARTIAL/meta.json"
say "$(tally same) series identical, $(tally within) within tolerance or floor, $(tally OUTSIDE) outside, $(tally missing) missing, $(tally yes 12) in more than one state within a run; largest relative difference: path length $path_diff ($path_where), world switches $switch_diff ($switch_where); tolerance $tolerance: $verdict"
trap 'rm -rf "$runs"' EXIT
results_publish "$root"
[ "$verdict" = pass ]
