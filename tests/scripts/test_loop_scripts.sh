#!/bin/bash
# scripts/loop-tests.sh records rounds of runs and refuses bad input with
# nothing written; scripts/loop-total.sh adds up loops of the same code and
# refuses to add loops of different code, tests or load.
. "$(dirname "$0")/../lib.sh"
scratch
loop=$TOP/scripts/loop-tests.sh total=$TOP/scripts/loop-total.sh

expect_status 1 "non-numeric minutes" "$loop" -o "$SCRATCH" -t soon benchcsv
expect_status 1 "zero runs" "$loop" -o "$SCRATCH" -n 0 benchcsv
expect_status 1 "a name that is no test" "$loop" -o "$SCRATCH" no_such_test
check "nothing written by refused loops" [ -z "$(ls -A "$SCRATCH")" ]

# Two rounds of one quick test, no hog.
"$loop" -n 2 -H 0 -o "$SCRATCH/a" benchcsv >/dev/null 2>&1 ||
	fail "a loop of two runs failed"
a=$(ls -d "$SCRATCH"/a/*-* 2>/dev/null | head -1)
check "the loop's folder is there" [ -f "$a/meta.json" ]
check "summary: two runs, none failed" \
	grep -qx 'tests/unit/test_benchcsv.sh,2,0' "$a/summary.csv"
check "loop.csv has a line per run" [ "$(tail -n +2 "$a/loop.csv" | grep -c .)" = 2 ]
check "meta: two rounds done of two asked" \
	grep -q '"runs_per_test": "2"' "$a/meta.json"
check "meta: rounds asked" grep -q '"runs_asked": "2"' "$a/meta.json"

# Loops made by hand, at revisions of this repository.
fake() { # DIR REV TESTS HOGS RUNS FAILED
	mkdir -p "$1"
	printf '{\n  "git_rev": "%s",\n  "cpu_hogs": "%s",\n  "tests": "%s"\n}\n' \
		"$2" "$4" "$3" >"$1/meta.json"
	printf 'test,runs,failed\n%s,%s,%s\n' "$3" "$5" "$6" >"$1/summary.csv"
}
head=$(git -C "$TOP" rev-parse --short HEAD)
root=$(git -C "$TOP" rev-list --max-parents=0 HEAD | cut -c1-7)
t=tests/vm/test_x.sh
fake "$SCRATCH/f1" "$head" $t 1 20 0
fake "$SCRATCH/f2" "$head" $t 1 30 1
fake "$SCRATCH/other-code" "$root" $t 1 5 0
fake "$SCRATCH/other-tests" "$head" tests/vm/test_y.sh 1 5 0
fake "$SCRATCH/other-hogs" "$head" $t 0 5 0
fake "$SCRATCH/dirty" "$head-dirty" $t 1 5 0
out=$("$total" "$SCRATCH/f1" "$SCRATCH/f2")
check "two loops add up" [ "$out" = "test,runs,failed,loops
$t,50,1,2" ]
for bad in other-code other-tests other-hogs dirty; do
	expect_status 1 "a loop with $bad refused" \
		"$total" "$SCRATCH/f1" "$SCRATCH/$bad"
done
msg=$("$total" "$SCRATCH/f1" "$SCRATCH/other-code" 2>&1 || true)
check "other code is named" grep -q "ran other code" <<<"$msg"
expect_status 1 "a folder that is no loop" "$total" "$SCRATCH"
finish
