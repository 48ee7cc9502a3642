#!/bin/bash
# What event-counts.sh runs: suite.sh's jobs for one benchmark
# (SUITE_ONLY) at a multiple of the profile's work (SUITE_SCALE), and the
# suite unchanged without them; event-counts.sh refuses bad input before
# booting anything.
. "$(dirname "$0")/../lib.sh"
scratch
s=$TOP/scripts/suite.sh
jobs() { # jobs CONFIG: the quick profile's jobs, one repetition, no warm-up
	"$s" jobs "$1" quick 1 0
}
benches() { # benches: the benchmark command lines among stdin's jobs
	grep -E '^[a-z_0-9]+ -r 1 -w 0 |/lguest/launcher ' || true
}

check "native: the whole suite without the knobs" \
	[ "$(jobs native | benches | wc -l)" = "$(grep -cE '^[a-z]' "$TOP/bench/suite.conf")" ]
out=$(SUITE_ONLY=page_fault1 SUITE_SCALE=2 jobs native)
check "native page_fault1 x2: one benchmark ($out)" [ "$(benches <<<"$out" | wc -l)" = 1 ]
check "native page_fault1 x2: twice the quick size" grep -q '^page_fault1 -r 1 -w 0 -s 8M ' <<<"$out"
out=$(SUITE_ONLY=lat_syscall_null SUITE_SCALE=2 jobs native)
check "native lat_syscall_null x2: twice the count" grep -q '^lat_syscall_null -r 1 -w 0 -n 20000 ' <<<"$out"
check "native null_hypercall: no job (an in-guest microbenchmark)" \
	[ -z "$(SUITE_ONLY=null_hypercall jobs native | benches)" ]

out=$(SUITE_ONLY=null_hypercall SUITE_SCALE=2 jobs lguest-exitless)
check "exitless null_hypercall x2: one guest" [ "$(benches <<<"$out" | wc -l)" = 1 ]
check "exitless null_hypercall x2: twice the ops" grep -q "ops=2000' /lguest/guests/bench_null_hypercall.elf" <<<"$out"
refute "exitless null_hypercall: no Linux guest" grep -q run-linux-guest <<<"$out"
check "exitless null_hypercall: the module loaded and unloaded" \
	[ "$(head -1 <<<"$out")/$(tail -1 <<<"$out")" = "insmod /lguest/exitless/lg.ko || exit 1/rmmod lg || exit 1" ]
out=$(SUITE_ONLY=cow_fork jobs lguest-baseline)
check "baseline cow_fork: only it, in the Linux guest" [ "$(benches <<<"$out" | wc -l)" = 1 ]
check "baseline cow_fork: the Linux guest runs it" grep -q run-linux-guest <<<"$out"
check "baseline: the whole suite without the knobs" \
	[ "$(jobs lguest-baseline | benches | wc -l)" = \
		$(($(grep -cE '^[a-z]' "$TOP/bench/suite.conf") + $(grep -cE '^[a-z]' "$TOP/bench/lguest-suite.conf"))) ]

e=$TOP/scripts/event-counts.sh
expect_status 1 "event-counts: unknown configuration" "$e" -o "$SCRATCH" -c bogus
expect_status 1 "event-counts: unknown profile" "$e" -o "$SCRATCH" -p medium
expect_status 2 "event-counts: unknown option" "$e" -o "$SCRATCH" -Z
expect_status 1 "event-counts: unknown benchmark" "$e" -o "$SCRATCH" -b page_fault1,bogus
expect_status 1 "event-counts: a benchmark whose work follows time" "$e" -o "$SCRATCH" -b lat_pagefault
check "event-counts: nothing written" [ -z "$(ls -A "$SCRATCH")" ]
finish
