#!/bin/bash
# Run tests over and over, beside a CPU hog, and record how often each
# failed: the way to find a test that fails only sometimes.  Records, does
# not judge: the exit status is 0 whatever the tests did.
#
# usage: loop-tests.sh [-n RUNS] [-H HOGS] [-t MINUTES] [-o DIR] TEST...
#   TEST      a test's path (tests/vm/test_nmi_storm.sh) or name fragment
#             (nmi_storm), as tests/run.sh takes them; each is run RUNS times
#   -n RUNS   runs of each test (default 50)
#   -H HOGS   busy loops beside the tests (default 1; 0 for none)
#   -t MIN    stop after the round that ends past MIN minutes (default: none)
#   -o DIR    parent of the results folder (default results/)
#
# The loop goes in rounds, each running every test once, so a loop cut
# short by -t is still the same number of runs of every test.  Writes
# DIR/<stamp>-<rev>/: loop.csv (test,run,status,seconds,load1), summary.csv
# (test,runs,failed), meta.json (runs_per_test is the rounds done,
# runs_asked the rounds asked for), and the output of every failed run.
# Builds nothing: run `make initramfs tools unit` first.
set -eu
. "$(dirname "$0")/common.sh"

usage() {
	sed -n '6,13s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

runs=50 hogs=1 minutes=0 out=$TOP/results
while getopts 'n:H:t:o:h' opt; do
	case $opt in
	n) runs=$OPTARG ;;
	H) hogs=$OPTARG ;;
	t) minutes=$OPTARG ;;
	o) out=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
case $runs$hogs$minutes in *[!0-9]*) die "-n, -H and -t take whole numbers" ;; esac
[ "$runs" -gt 0 ] || die "-n must be at least 1"

# Each argument names exactly one test file.
tests=()
for t in "$@"; do
	found=$(ls "$TOP"/tests/*/test_*.sh 2>/dev/null | grep -F -- "$t" || true)
	[ "$(printf '%s\n' "$found" | grep -c .)" = 1 ] ||
		die "'$t' names $(printf '%s\n' "$found" | grep -c .) tests, not one"
	tests+=("$found")
done

RESULTS_REV=$(project_rev)
results_begin "$out"
dir=$RESULTS_PARTIAL
pids=()
stop_hogs() {
	[ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
	rm -rf "$dir"
}
trap stop_hogs EXIT
for ((i = 0; i < hogs; i++)); do
	(while :; do :; done) &
	pids+=($!)
done

export TOP BUILD=$TOP/build
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
t_start=$(date +%s)
echo "test,run,status,seconds,load1" >"$dir/loop.csv"
rounds=0
for ((r = 1; r <= runs; r++)); do
	for t in "${tests[@]}"; do
		name=${t#"$TOP"/}
		t0=$(date +%s)
		rc=0
		"$t" >"$dir/out" 2>&1 </dev/null || rc=$?
		load=$(cut -d' ' -f1 /proc/loadavg)
		echo "$name,$r,$rc,$(($(date +%s) - t0)),$load" >>"$dir/loop.csv"
		[ "$rc" = 0 ] || mv "$dir/out" "$dir/$(basename "$t" .sh)-run$r.out"
		say "round $r of $runs: $name, status $rc, load $load"
	done
	rounds=$r
	if [ "$minutes" -gt 0 ] && [ $(($(date +%s) - t_start)) -ge $((minutes * 60)) ]; then
		say "stopping after round $r: the $minutes minutes are up"
		break
	fi
done
# A test's runs and failures, in the order the tests were given.
echo "test,runs,failed" >"$dir/summary.csv"
for t in "${tests[@]}"; do
	awk -F, -v t="${t#"$TOP"/}" -v n="$rounds" \
		'$1 == t && $3 != 0 { f++ } END { print t "," n "," f + 0 }' \
		"$dir/loop.csv" >>"$dir/summary.csv"
done
rm -f "$dir/out"
accel=$("$TOP/scripts/probe-accel.sh" 2>/dev/null)
mapfile -t pairs < <(results_meta_pairs "$accel")
json_object "${pairs[@]}" accel "$accel" \
	loop_start "$start" runs_per_test "$rounds" runs_asked "$runs" \
	minutes "$minutes" cpu_hogs "$hogs" \
	tests "${tests[*]#"$TOP"/}" >"$dir/meta.json"
trap - EXIT
[ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
final=$(results_publish "$out")
cat "$final/summary.csv"
