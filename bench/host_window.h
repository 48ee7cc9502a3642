/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Under lguest: the windows the launcher counts.  A program marks the start
 * and the end of what it measures by writing a struct lguest_bench_window
 * to the guest kernel's /proc/lguest/window, which hands it to the
 * launcher with LHCALL_NOTIFY (guest patch 0028).  The launcher reads the
 * host's counters at both marks and writes the window's world switches and
 * exits to its own results file, for the windows its runner asked for.
 * Natively (no such file) nothing is marked.
 */
#ifndef BENCH_HOST_WINDOW_H
#define BENCH_HOST_WINDOW_H

#include <stdbool.h>
#include <stdint.h>

#define BENCH_WINDOW_FILE	"/proc/lguest/window"

/* Opens the window file; false when not under lguest. */
bool bench_host_window_init(void);

/*
 * Marks the start (phase 0) or the end (phase 1, after @ops operations) of
 * repetition @rep of benchmark @name.  Returns 0, also when not under
 * lguest, or -1 with errno set.
 */
int bench_host_window_mark(const char *name, uint32_t phase, uint32_t rep,
			   uint32_t ops);

#endif
