#!/bin/bash
# Run every test and end with the line "N passed, N failed".
#
# usage: tests/run.sh [NAME-PATTERN...]
#
# With patterns, only the tests whose path contains one of them run.
#
# A test is build/tests/test_* (compiled unit tests) or tests/*/test_*.sh;
# each passes by exiting 0.  Its output is shown only when it fails.
# Tests get TOP (the project) and BUILD (build/) in the environment.
# Every test runs once: one that fails, VM tests included, fails the run.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$TOP/build
export TOP BUILD
patterns=("$@")
[ $# -gt 0 ] || patterns=("")

passed=0 failed=0 failures=()
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for t in "$BUILD"/tests/test_* "$TOP"/tests/*/test_*.sh; do
	[ -x "$t" ] || continue
	name=${t#"$TOP"/}
	wanted=
	for p in "${patterns[@]}"; do
		case $name in *"$p"*) wanted=1 ;; esac
	done
	[ -n "$wanted" ] || continue
	start=$(date +%s)
	if "$t" >"$out" 2>&1 </dev/null; then
		passed=$((passed + 1))
		echo "PASS $name ($(($(date +%s) - start)) s)"
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "FAIL $name ($(($(date +%s) - start)) s)"
		sed 's/^/    /' "$out" | tail -40
	fi
done
[ $failed -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
