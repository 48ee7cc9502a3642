/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bench-window convention (struct lguest_bench_window in the ABI): a
 * guest passes the gpa of a window to LHCALL_NOTIFY at the start (phase 0)
 * and the end (phase 1) of a measured stretch, and the launcher turns the
 * counters read at both ends into
 *	BENCH,<benchmark>,world_switches_per_op,switches,<rep>,<value>
 */
#ifndef LAUNCHER_BENCH_H
#define LAUNCHER_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../module/uapi/lguest.h"

#define BENCH_LINE_MAX	128

enum window_kind {
	WINDOW_NONE,	/* not a window: outside guest memory or wrong magic */
	WINDOW_BAD,	/* a window, but an invalid one: see err */
	WINDOW_BEGIN,
	WINDOW_END,
};

/* A window begun and not yet ended, with the counters at its start. */
struct bench_state {
	bool open;
	struct lguest_bench_window begin;
	struct lguest_counters at_begin;
};

/*
 * Copies the window at @gpa out of guest memory (once: the guest may change
 * it meanwhile) into @w and checks it.  Returns its kind; for WINDOW_BAD
 * there is a message in @err.
 */
enum window_kind bench_read_window(const void *mem, uint32_t mem_size,
				   uint32_t gpa, struct lguest_bench_window *w,
				   char *err);

/*
 * Starts window @w with counters @now.  Returns 0, or 1 with a note in @err
 * when it replaces a window that never ended.
 */
int bench_begin(struct bench_state *s, const struct lguest_bench_window *w,
		const struct lguest_counters *now, char *err);

/*
 * Ends window @w with counters @now and writes its BENCH line (no newline)
 * into @line, BENCH_LINE_MAX bytes.  Returns 0, or -1 with a message in
 * @err when no matching window was begun; the state is then unchanged.
 */
int bench_end(struct bench_state *s, const struct lguest_bench_window *w,
	      const struct lguest_counters *now, char *line, char *err);

#endif /* LAUNCHER_BENCH_H */
