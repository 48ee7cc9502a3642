#!/bin/bash
# Benchmark the kernel build: a clean build from the tarball, then a no-op
# rebuild, each with scripts/build-kernel.sh in a throw-away cache.
#
# usage: bench-kernel-build.sh [-o RESULTS_ROOT]
#
# Writes a results folder like run-matrix.sh does, with configuration
# "kernel-build" and benchmarks clean_build and noop_rebuild (seconds).
# The figures are recorded, not asserted.
set -eu
. "$(dirname "$0")/common.sh"

root=$TOP/results
while getopts 'o:h' opt; do
	case $opt in
	o) root=$OPTARG ;;
	*) sed -n '3,9s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
benchcsv=$TOP/build/tools/benchcsv
[ -x "$benchcsv" ] || die "$benchcsv missing: run 'make tools'"

results_begin "$root"
partial=$RESULTS_PARTIAL
cache=$(mktemp -d)
trap 'rm -rf "$RESULTS_PARTIAL" "$cache"' EXIT

timed_build() { # timed_build BENCHMARK: one build, its seconds into raw.csv
	local t0 t1
	say "$1: building in $cache"
	t0=$(date +%s.%N)
	LGUEST_CACHE=$cache "$TOP/scripts/build-kernel.sh" 2>>"$partial/build.log" ||
		die "$1 failed: see the log above"
	t1=$(date +%s.%N)
	echo "kernel-build,$1,seconds,s,1,$(echo "$t1 - $t0" | bc)" >>"$partial/raw.csv"
}
echo "config,benchmark,metric,unit,rep,value" >"$partial/raw.csv"
timed_build clean_build
timed_build noop_rebuild
"$benchcsv" summarize "$partial/raw.csv" >"$partial/summary.csv"
mapfile -t pairs < <(results_meta_pairs)
json_object "${pairs[@]}" configs kernel-build jobs "${JOBS:-$(nproc)}" \
	host_cores "$(nproc)" >"$partial/meta.json"
"$TOP/scripts/plot-results.sh" "$partial" || die "plotting failed"
results_publish "$root"
