/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-guest microbenchmarks.  Each repetition runs the operation loop between
 * two LHCALL_NOTIFY calls carrying a struct lguest_bench_window, so the
 * launcher can print the world switches per operation for it, and prints
 *
 *	BENCH,<name>,ns_per_op,ns,<rep>,<value>
 *
 * with the value to three decimals, in the format of the bench/ programs.
 * The command line may override the defaults: reps=N warmup=N ops=N.
 */
#ifndef GUEST_BENCH_H
#define GUEST_BENCH_H

#include "guest.h"

#define BENCH_REPS_DEF		5
#define BENCH_WARMUP_DEF	1

struct bench {
	const char *name;	/* [A-Za-z0-9_]+, under 32 bytes */
	u32 def_ops;
	/* Once, before the first repetition, with the chosen ops. */
	void (*setup)(u32 ops);
	/* The timed part: ops operations. */
	void (*run)(u32 ops);
	/* After each repetition, outside the timing: undo what run did. */
	void (*reset)(u32 ops);
};

/* Runs the warm-up and the repetitions; returns the shutdown status. */
int bench_main(const struct bench *b);

#endif
