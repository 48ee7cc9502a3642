#!/bin/bash
# Judge two runs of the matrix against each other, series by series: the
# compare logic of scripts/repeatability.sh.
#
# usage: repeatability-compare.sh [-t TOLERANCE] RUN_A RUN_B UNITS
#   RUN_A, RUN_B  the two runs' summary.csv
#                 (config,benchmark,metric,unit,n,median,min,max)
#   UNITS         "benchmark count unit" lines (scripts/suite.sh units):
#                 the pages or operations one repetition counts over
#   -t            the largest relative difference allowed (default 0.01)
#
# Path lengths (instructions_*) must lie within TOLERANCE of each other.
# Counts (world_switches_*, exits_*, fastpath_*, exitless_*, minflt_*)
# must lie within TOLERANCE or within the count floor, whichever is wider.
# The floor is what one event more or less in a repetition moves a count
# by, plus what printing it does: a host timer interrupt that lands inside
# a repetition in one run and just outside it in the other is one exit and
# one world switch, 1/COUNT a page or an operation; the programs print
# counts to three decimals, so two counts one event apart can print up to
# 0.001 further apart still.  So a repetition of 32768 pages may differ by
# 0.00103 a page (0.029 against 0.030 passes), one of 5 operations by
# 0.201 an operation, and nothing more.  Times (ns_*, ms_*) are not judged:
# on the instruction clock they are the path lengths again.
#
# Prints compare.csv on stdout:
#   config,benchmark,metric,unit,median_a,median_b,rel_diff,abs_diff,allowed,verdict,rep_spread,states
# "allowed" is the largest absolute difference the series may show;
# "verdict" is same (identical medians), within, OUTSIDE, missing (in one
# run only) or unjudged (a time).  "rep_spread" is the larger of the two
# runs' max - min over the repetitions; "states" is "yes" for a count
# whose repetitions, within one run, differ by one event or more per page
# or operation: not a stray interrupt but a different path for every unit,
# the workload in more than one state, its median one of them.  The
# verdict judges only run against run.  Exits 1 when any judged series is
# OUTSIDE or missing, or when the runs hold no path length at all; 2 for a
# usage error (a bad tolerance, a missing file, a count whose benchmark
# UNITS does not give).
set -eu
. "$(dirname "$0")/common.sh"

usage_error() {
	say "error: $*"
	exit 2
}

tolerance=0.01
while getopts 't:h' opt; do
	case $opt in
	t) tolerance=$OPTARG ;;
	*) sed -n '2,38s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 3 ] || usage_error "usage: $(basename "$0") [-t TOLERANCE] RUN_A RUN_B UNITS"
is_fraction "$tolerance" || usage_error "-t takes a fraction such as 0.01, not '$tolerance'"
for f in "$@"; do
	[ -f "$f" ] || usage_error "no such file: $f"
done

awk -F, -v OFS=, -v tol="$tolerance" '
	function abs(x) { return x < 0 ? -x : x }
	function kind(metric) {
		if (metric ~ /^instructions_/)
			return "path"
		if (metric ~ /^(world_switches|exits|fastpath|exitless|minflt)_/)
			return "count"
		return "time"
	}
	FNR == 1 { file++ }
	# The units, "benchmark count unit"; then each run, after its header.
	file == 1 { split($0, u, " "); units[u[1]] = u[2]; next }
	FNR == 1 { next }
	{ key = $1 OFS $2 OFS $3 OFS $4 }
	{ spread = $8 - $7; if (!(key in w) || spread > w[key]) w[key] = spread }
	file == 2 { a[key] = $6; order[++n] = key; next }
	{ b[key] = $6; if (!(key in a)) order[++n] = key }
	END {
		print "config,benchmark,metric,unit,median_a,median_b,rel_diff,abs_diff,allowed,verdict,rep_spread,states"
		bad = paths = 0
		for (i = 1; i <= n; i++) {
			k = order[i]
			split(k, f, OFS)
			what = kind(f[3])
			paths += what == "path"
			if (!(k in a) || !(k in b)) {
				print k, a[k], b[k], "", "", "", "missing", "", ""
				bad++
				continue
			}
			d = abs(b[k] - a[k])
			rel = a[k] == 0 ? (d == 0 ? 0 : 1) : d / abs(a[k])
			allowed = tol * abs(a[k])
			if (what == "count") {
				if (!(f[2] in units) || units[f[2]] <= 0) {
					printf "repeatability-compare: no unit count for %s\n", f[2] > "/dev/stderr"
					exit 2
				}
				floor = 1 / units[f[2]] + 0.001
				if (floor > allowed)
					allowed = floor
			}
			if (what == "time")
				verdict = "unjudged"
			else if (d == 0)
				verdict = "same"
			else if (d <= allowed + 1e-9)
				verdict = "within"
			else {
				verdict = "OUTSIDE"
				bad++
			}
			states = what == "count" && w[k] >= 1 ? "yes" : "no"
			print k, a[k], b[k], sprintf("%.6f", rel), sprintf("%.6f", d),
				sprintf("%.6f", allowed), verdict, sprintf("%.6f", w[k]), states
		}
		if (!paths) {
			print "repeatability-compare: no path length (instructions_*) in either run" > "/dev/stderr"
			exit 1
		}
		exit bad > 0
	}' "$3" "$1" "$2"
