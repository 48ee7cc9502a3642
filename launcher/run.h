/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a loaded guest through /dev/lguest: the only part of the launcher
 * that needs the host module, so the rest stays testable without it.
 */
#ifndef LAUNCHER_RUN_H
#define LAUNCHER_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "../module/uapi/lguest.h"
#include "bench.h"

#define LGUEST_DEV	"/dev/lguest"

struct guest {
	const char *dev;		/* LGUEST_DEV, but for tests */
	void *mem;			/* guest-physical 0 */
	uint32_t mem_size;
	struct lguest_init init;
	bool quiet;			/* no LGUEST-COUNTERS line at exit */
	/* The benchmarks whose windows to record (none: nwant 0) ... */
	struct bench_expect want[BENCH_WANT_MAX];
	unsigned int nwant;
	int results_fd;			/* ... and where their lines go */
};

/*
 * Hands @g to the host and serves its exits until it stops.  Returns the
 * launcher's exit status: the guest's own (0..255) when it shuts down,
 * EXIT_KILLED when the host kills it, EXIT_OSERR when the host cannot be
 * reached or fails.
 */
int run_guest(const struct guest *g);

#endif /* LAUNCHER_RUN_H */
