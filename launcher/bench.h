/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bench-window convention (struct lguest_bench_window in the ABI): a
 * guest passes the gpa of a window to LHCALL_NOTIFY at the start (phase 0)
 * and the end (phase 1) of a measured stretch.  The launcher reads the
 * host's counters at both exits and, for the windows the runner asked for
 * (-w NAME:OPS:REPS[:UNIT], once per benchmark), writes
 *	BENCH,<benchmark>,world_switches_per_op,switches,<rep>,<value>
 * to its results file (-r), where the guest's console never goes; with a
 * UNIT ("op" or "page": what the operations are), a line for every group
 * of the counters (bench/exit_groups.h), "<group>_per_<UNIT>", as the
 * benchmark programs of the Linux guest name them.
 *
 * The guest names its windows and claims their operations, and neither is
 * taken on its word: a window counts only when it is a benchmark the
 * runner named, the next repetition (1, 2, ... up to REPS, each once) and
 * claims exactly the OPS operations the runner asked for.  The counts are
 * the host's, from the exit that begins the window to the one that ends
 * it; what the guest can still do is put other work in a window, which is
 * its own benchmark's loss.
 */
#ifndef LAUNCHER_BENCH_H
#define LAUNCHER_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../bench/exit_groups.h"
#include "../module/uapi/lguest.h"

#define BENCH_LINE_MAX	128
/* A window's lines, each with its newline. */
#define BENCH_LINES_MAX	(BENCH_EXIT_KINDS * BENCH_LINE_MAX)
/* How many benchmarks one run may ask for (-w). */
#define BENCH_WANT_MAX	32
/* Room for a UNIT: "op" or "page". */
#define BENCH_UNIT_MAX	5
/* Room for a benchmark name: struct lguest_bench_window's. */
#define BENCH_NAME_MAX	sizeof(((struct lguest_bench_window *)0)->benchmark)

enum window_kind {
	WINDOW_NONE,	/* not a window: outside guest memory or wrong magic */
	WINDOW_BAD,	/* a window, but an invalid one: see err */
	WINDOW_BEGIN,
	WINDOW_END,
};

/* What the runner asked for: the only windows that count. */
struct bench_expect {
	char benchmark[BENCH_NAME_MAX];	/* NUL-terminated, [A-Za-z0-9_]+ */
	uint32_t ops;			/* operations in every window */
	uint32_t reps;			/* windows, numbered 1 to reps */
	char unit[BENCH_UNIT_MAX];	/* "" (world switches only), "op", "page" */
};

/* The windows of one guest run. */
struct bench_state {
	struct bench_expect want;
	uint32_t recorded;	/* windows counted: the next is rep recorded + 1 */
	bool open;		/* a window begun and not yet ended ... */
	struct lguest_bench_window begin;
	struct lguest_counters at_begin;	/* ... with its counters */
};

/*
 * Checks that @name is a benchmark name: 1 to BENCH_NAME_MAX - 1 bytes of
 * [A-Za-z0-9_].  Returns 0, or -1 with a message in @err.
 */
int bench_check_name(const char *name, size_t len, char *err);

/*
 * Checks that @unit, @len bytes, is a UNIT of -w: "op" or "page".  Returns
 * 0, or -1 with a message in @err.
 */
int bench_check_unit(const char *unit, size_t len, char *err);

/*
 * The state, among @n, of the benchmark window @w names.  Returns it, or
 * NULL with a message in @err when the runner did not ask for it.
 */
struct bench_state *bench_find(struct bench_state *s, unsigned int n,
			       const struct lguest_bench_window *w, char *err);

/*
 * Copies the window at @gpa out of guest memory (once: the guest may change
 * it meanwhile) into @w and checks it.  Returns its kind; for WINDOW_BAD
 * there is a message in @err.
 */
enum window_kind bench_read_window(const void *mem, uint32_t mem_size,
				   uint32_t gpa, struct lguest_bench_window *w,
				   char *err);

/*
 * Starts window @w with counters @now.  Returns 0; 1 with a note in @err
 * when it replaces a window of the same repetition that never ended; or -1
 * with a message in @err when @w is not the window the runner expects
 * next, and then the state is unchanged.
 */
int bench_begin(struct bench_state *s, const struct lguest_bench_window *w,
		const struct lguest_counters *now, char *err);

/*
 * Ends window @w with counters @now and writes its BENCH lines, each with
 * its newline, into @lines, BENCH_LINES_MAX bytes.  Returns 0, or -1 with
 * a message in @err when no matching window was begun or @w claims other
 * than the runner's operations; the state is then unchanged.
 */
int bench_end(struct bench_state *s, const struct lguest_bench_window *w,
	      const struct lguest_counters *now, char *lines, char *err);

#endif /* LAUNCHER_BENCH_H */
