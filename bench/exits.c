// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../module/uapi/lguest.h"
#include "common.h"
#include "exits.h"

#define CALIBRATION_READS	5

static int counters_fd = -1;
static struct bench_exits read_cost;

int bench_exits_read(struct bench_exits *e)
{
	struct lguest_counters c;
	ssize_t n = pread(counters_fd, &c, sizeof(c), 0);

	if (n != (ssize_t)sizeof(c)) {
		if (n >= 0)
			errno = EIO;
		return -1;
	}
	bench_exits_group(&c, e);
	return 0;
}

bool bench_exits_init(void)
{
	struct bench_exits a, b;
	unsigned int i, k;

	counters_fd = open(BENCH_COUNTERS_FILE, O_RDONLY | O_CLOEXEC);
	if (counters_fd < 0) {
		if (errno == ENOENT)
			return false;
		bench_die("open " BENCH_COUNTERS_FILE);
	}
	/*
	 * Two reads in a row differ by what one read costs (its system call
	 * and its hypercall); an interrupt between them can only add, so the
	 * least of a few is the cost.
	 */
	for (i = 0; i < CALIBRATION_READS; i++) {
		if (bench_exits_read(&a) || bench_exits_read(&b))
			bench_die("read " BENCH_COUNTERS_FILE);
		for (k = 0; k < BENCH_EXIT_KINDS; k++) {
			double d = b.n[k] - a.n[k];

			if (i == 0 || d < read_cost.n[k])
				read_cost.n[k] = d;
		}
	}
	return true;
}

bool bench_exits_available(void)
{
	return counters_fd >= 0;
}

void bench_exits_add(struct bench_exits *acc, const struct bench_exits *begin,
		     const struct bench_exits *end)
{
	unsigned int k;

	for (k = 0; k < BENCH_EXIT_KINDS; k++)
		acc->n[k] += end->n[k] - begin->n[k] - read_cost.n[k];
}

void bench_exits_sum(struct bench_exits *acc, const struct bench_exits *e,
		     double scale)
{
	unsigned int k;

	for (k = 0; k < BENCH_EXIT_KINDS; k++)
		acc->n[k] += scale * e->n[k];
}
