// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../module/uapi/lguest.h"
#include "host_window.h"

static int window_fd = -1;

bool bench_host_window_init(void)
{
	if (window_fd < 0)
		window_fd = open(BENCH_WINDOW_FILE, O_WRONLY | O_CLOEXEC);
	return window_fd >= 0;
}

int bench_host_window_mark(const char *name, uint32_t phase, uint32_t rep,
			   uint32_t ops)
{
	struct lguest_bench_window w = {
		.magic = LGUEST_WINDOW_MAGIC,
		.phase = phase,
		.rep = rep,
		.ops = ops,
	};
	ssize_t n;

	if (window_fd < 0)
		return 0;
	strncpy(w.benchmark, name, sizeof(w.benchmark) - 1);
	/* The kernel takes one whole window per write, or none. */
	n = write(window_fd, &w, sizeof(w));
	if (n != (ssize_t)sizeof(w)) {
		if (n >= 0)
			errno = EIO;
		return -1;
	}
	return 0;
}
