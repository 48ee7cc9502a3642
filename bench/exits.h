/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Under lguest: the host's counters for the guest we run in, read from the
 * guest kernel's /proc/lguest/counters and grouped (exit_groups.h).  These
 * are the guest's word, printed only as a cross-check: the figures that
 * count are the launcher's, for the windows bench_window_begin() and
 * bench_window_end() mark (window.h).  Natively (no such file) nothing is
 * counted or reported.
 */
#ifndef BENCH_EXITS_H
#define BENCH_EXITS_H

#include <stdbool.h>

#include "exit_groups.h"

#define BENCH_COUNTERS_FILE	"/proc/lguest/counters"

/*
 * Opens the counters file and measures what reading it costs (the least
 * of a few back-to-back reads, per group); false when not under lguest.
 */
bool bench_exits_init(void);
bool bench_exits_available(void);
/* A snapshot: 0, or -1 with errno set. */
int bench_exits_read(struct bench_exits *e);
/* acc += scale * e */
void bench_exits_sum(struct bench_exits *acc, const struct bench_exits *e,
		     double scale);
/* acc += end - begin - the cost of one read. */
void bench_exits_add(struct bench_exits *acc, const struct bench_exits *begin,
		     const struct bench_exits *end);

#endif
