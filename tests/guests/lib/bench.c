// SPDX-License-Identifier: GPL-2.0
#include "bench.h"
#include "cmdline.h"
#include "hcall.h"
#include "printf.h"
#include "report.h"
#include "str.h"
#include "tsc.h"

static struct lguest_bench_window window;

static void bench_window(const struct bench *b, u32 phase, u32 rep, u32 ops)
{
	size_t n = strnlen(b->name, sizeof(window.benchmark) - 1);

	window.magic = LGUEST_WINDOW_MAGIC;
	window.phase = phase;
	window.rep = rep;
	window.ops = ops;
	memset(window.benchmark, 0, sizeof(window.benchmark));
	memcpy(window.benchmark, b->name, n);
	hcall1(LHCALL_NOTIFY, __pa(&window));
}

/* ns per operation in thousandths, printed as <int>.<3 digits>. */
static void bench_print(const struct bench *b, u32 rep, u64 cycles, u32 ops)
{
	u64 ns = cycles_to_ns(cycles, lguest_data.tsc_khz);
	u32 frac;
	u64 whole = div64_u32(ns * 1000, ops, NULL);

	whole = div64_u32(whole, 1000, &frac);
	printf("BENCH,%s,ns_per_op,ns,%u,%u.%03u\n", b->name, rep, (u32)whole,
	       frac);
}

int bench_main(const struct bench *b)
{
	u32 reps = cmdline_uint("reps", BENCH_REPS_DEF);
	u32 warmup = cmdline_uint("warmup", BENCH_WARMUP_DEF);
	u32 ops = cmdline_uint("ops", b->def_ops);
	u32 i;

	if (!lguest_data.tsc_khz)
		report_abort("the host left lguest_data.tsc_khz at 0");
	if (!ops || !reps)
		report_abort("ops and reps must be positive");
	report_info("bench %s: reps=%u warmup=%u ops=%u tsc_khz=%u", b->name,
		    reps, warmup, ops, lguest_data.tsc_khz);
	if (b->setup)
		b->setup(ops);
	for (i = 0; i < warmup + reps; i++) {
		bool measured = i >= warmup;
		u32 rep = i - warmup + 1;
		u64 t0, t1;

		if (measured)
			bench_window(b, 0, rep, 0);
		t0 = rdtsc();
		b->run(ops);
		t1 = rdtsc();
		if (measured) {
			bench_window(b, 1, rep, ops);
			bench_print(b, rep, t1 - t0, ops);
		}
		if (b->reset)
			b->reset(ops);
	}
	return 0;
}
