#!/bin/bash
# Run every test and end with the line "N passed, N failed".
#
# usage: tests/run.sh [NAME-PATTERN]
#
# A test is build/tests/test_* (compiled unit tests) or tests/*/test_*.sh;
# each passes by exiting 0.  Its output is shown only when it fails.
# Tests get TOP (the project) and BUILD (build/) in the environment.
#
# A VM test (tests/vm/) that fails is run once more: QEMU under TCG on a
# shared machine is not deterministic.  If the second run passes, the test
# is reported FLAKY with the first run's output, counted as passed, and the
# number of flaky tests is printed before the summary: a flaky test is a
# bug to chase, not a pass to forget.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$TOP/build
export TOP BUILD
pattern=${1:-}

passed=0 failed=0 flaky=0 failures=()
out=$(mktemp)
trap 'rm -f "$out" "$out.first"' EXIT
for t in "$BUILD"/tests/test_* "$TOP"/tests/*/test_*.sh; do
	[ -x "$t" ] || continue
	name=${t#"$TOP"/}
	case $name in *"$pattern"*) ;; *) continue ;; esac
	start=$(date +%s)
	if "$t" >"$out" 2>&1 </dev/null; then
		passed=$((passed + 1))
		echo "PASS $name ($(($(date +%s) - start)) s)"
	elif case $name in tests/vm/*) true ;; *) false ;; esac &&
		cp "$out" "$out.first" && "$t" >"$out" 2>&1 </dev/null; then
		passed=$((passed + 1))
		flaky=$((flaky + 1))
		echo "FLAKY $name: failed once, passed on a second run; the first run said:"
		sed 's/^/    /' "$out.first" | tail -60
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "FAIL $name ($(($(date +%s) - start)) s)"
		sed 's/^/    /' "$out" | tail -40
	fi
done
[ $failed -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
[ $flaky -eq 0 ] || echo "flaky: $flaky test(s) passed only on a second run"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
