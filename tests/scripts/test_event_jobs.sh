#!/bin/bash
# What event-counts.sh runs: suite.sh's jobs for one benchmark
# (SUITE_ONLY), and the suite unchanged without it; event-counts.sh
# refuses bad input before booting anything.
. "$(dirname "$0")/../lib.sh"
scratch
s=$TOP/scripts/suite.sh
jobs() { # jobs CONFIG: the quick profile's jobs, two repetitions, a warm-up
	"$s" jobs "$1" quick 2 1
}
benches() { # benches: the benchmark command lines among stdin's jobs
	grep -E '^[a-z_0-9]+ -r 2 -w 1 |/lguest/launcher ' || true
}

check "native: the whole suite without SUITE_ONLY" \
	[ "$(jobs native | benches | wc -l)" = "$(grep -cE '^[a-z]' "$TOP/bench/suite.conf")" ]
out=$(SUITE_ONLY=page_fault1 jobs native)
check "native page_fault1: one benchmark ($out)" [ "$(benches <<<"$out" | wc -l)" = 1 ]
check "native page_fault1: the quick size" grep -q '^page_fault1 -r 2 -w 1 -s 4M ' <<<"$out"
check "native null_hypercall: no job (an in-guest microbenchmark)" \
	[ -z "$(SUITE_ONLY=null_hypercall jobs native | benches)" ]

out=$(SUITE_ONLY=null_hypercall jobs lguest-exitless)
check "exitless null_hypercall: one guest" [ "$(benches <<<"$out" | wc -l)" = 1 ]
check "exitless null_hypercall: its repetitions and ops" \
	grep -q "reps=2 warmup=1 ops=1000' /lguest/guests/bench_null_hypercall.elf" <<<"$out"
refute "exitless null_hypercall: no Linux guest" grep -q run-linux-guest <<<"$out"
check "exitless null_hypercall: the module loaded and unloaded" \
	[ "$(head -1 <<<"$out")/$(tail -1 <<<"$out")" = "insmod /lguest/exitless/lg.ko || exit 1/rmmod lg || exit 1" ]
out=$(SUITE_ONLY=cow_fork jobs lguest-baseline)
check "baseline cow_fork: only it, in the Linux guest" [ "$(benches <<<"$out" | wc -l)" = 1 ]
check "baseline cow_fork: the Linux guest runs it" grep -q run-linux-guest <<<"$out"
check "baseline: the whole suite without SUITE_ONLY" \
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
