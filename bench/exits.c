// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../module/uapi/lguest.h"
#include "common.h"
#include "exits.h"

#define CALIBRATION_READS	5

const char *const bench_exit_names[BENCH_EXIT_KINDS] = {
	[BENCH_WORLD_SWITCHES]		= "world_switches",
	[BENCH_EXITS_FAULT_FIXED]	= "exits_fault_fixed",
	[BENCH_EXITS_FAULT_REFLECTED]	= "exits_fault_reflected",
	[BENCH_EXITS_HCALL_SET_PTE]	= "exits_hcall_set_pte",
	[BENCH_EXITS_HCALL_OTHER]	= "exits_hcall_other",
	[BENCH_EXITS_IRQ]		= "exits_irq",
	[BENCH_EXITS_SYSCALL]		= "exits_syscall",
	[BENCH_EXITS_TRAP_OTHER]	= "exits_trap_other",
	[BENCH_FASTPATH_REFLECTED]	= "fastpath_reflected",
	[BENCH_EXITLESS_FILLS]		= "exitless_fills",
	[BENCH_EXITLESS_SET_PTES]	= "exitless_set_ptes",
};

static int counters_fd = -1;
static struct bench_exits read_cost;

static void group(const struct lguest_counters *c, struct bench_exits *e)
{
	uint64_t hcalls = 0, traps = 0;
	unsigned int i;

	for (i = 0; i < LHCALL_NR; i++)
		hcalls += c->exits_hcall[i];
	for (i = 0; i < 32; i++)
		traps += c->exits_trap[i];
	/* Hypercalls are trap LGUEST_TRAP_ENTRY; page faults are trap 14. */
	traps -= c->exits_trap[LGUEST_TRAP_ENTRY] + c->exits_trap[14];
	e->n[BENCH_WORLD_SWITCHES] = (double)c->world_switches;
	e->n[BENCH_EXITS_FAULT_FIXED] = (double)c->faults_fixed;
	e->n[BENCH_EXITS_FAULT_REFLECTED] = (double)c->faults_reflected;
	e->n[BENCH_EXITS_HCALL_SET_PTE] = (double)c->exits_hcall[LHCALL_SET_PTE];
	e->n[BENCH_EXITS_HCALL_OTHER] =
		(double)(hcalls - c->exits_hcall[LHCALL_SET_PTE]);
	e->n[BENCH_EXITS_IRQ] = (double)c->exits_irq;
	e->n[BENCH_EXITS_SYSCALL] = (double)c->exits_other;
	e->n[BENCH_EXITS_TRAP_OTHER] = (double)traps;
	e->n[BENCH_FASTPATH_REFLECTED] = (double)c->fastpath_reflected;
	e->n[BENCH_EXITLESS_FILLS] = (double)c->exitless_fills;
	e->n[BENCH_EXITLESS_SET_PTES] = (double)c->exitless_set_ptes;
}

int bench_exits_read(struct bench_exits *e)
{
	struct lguest_counters c;
	ssize_t n = pread(counters_fd, &c, sizeof(c), 0);

	if (n != (ssize_t)sizeof(c)) {
		if (n >= 0)
			errno = EIO;
		return -1;
	}
	group(&c, e);
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
