// SPDX-License-Identifier: GPL-2.0
/*
 * forge_window: runs in the Linux guest (tests/vm/test_forged_results_linux.sh)
 * and marks a bench window of its own making through /proc/lguest/window,
 * as any process there may: another benchmark's, a repetition out of
 * order, more operations than the runner asked for.  The launcher must
 * refuse each; the guest kernel passes them on unchecked.
 *
 * usage: forge_window NAME PHASE REP OPS
 *        forge_window -short       (a write of less than a window)
 * Prints what it wrote and exits 0, or says why not and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../module/uapi/lguest.h"

#define WINDOW_FILE	"/proc/lguest/window"

int main(int argc, char **argv)
{
	struct lguest_bench_window w = { .magic = LGUEST_WINDOW_MAGIC };
	size_t len = sizeof(w);
	int fd;

	if (argc == 2 && !strcmp(argv[1], "-short")) {
		len = sizeof(w) - 1;
	} else if (argc == 5) {
		strncpy(w.benchmark, argv[1], sizeof(w.benchmark) - 1);
		w.phase = strtoul(argv[2], NULL, 10);
		w.rep = strtoul(argv[3], NULL, 10);
		w.ops = strtoul(argv[4], NULL, 10);
	} else {
		fprintf(stderr, "usage: forge_window NAME PHASE REP OPS | -short\n");
		return 1;
	}
	fd = open(WINDOW_FILE, O_WRONLY);
	if (fd < 0 || write(fd, &w, len) != (ssize_t)len) {
		printf("forge_window: %zu bytes: %s\n", len, strerror(errno));
		return 1;
	}
	printf("forge_window: %s phase %u rep %u ops %u written\n",
	       w.benchmark, w.phase, w.rep, w.ops);
	return 0;
}
