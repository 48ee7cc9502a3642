/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Under lguest: the host's counters for the guest we run in, read from the
 * guest kernel's /proc/lguest/counters and grouped by what a page fault
 * can cost.  Natively (no such file) nothing is counted or reported.
 */
#ifndef BENCH_EXITS_H
#define BENCH_EXITS_H

#include <stdbool.h>

#define BENCH_COUNTERS_FILE	"/proc/lguest/counters"

/*
 * The groups: world switches, then the exits that cause them, which
 * partition every exit (twice their sum is the world switches), then what
 * the Switcher did itself, which is no exit at all: the faults it
 * reflected (fastpath and exitless builds), and the shadow entries it
 * filled and the LHCALL_SET_PTEs it answered (exitless build).
 */
enum bench_exit_kind {
	BENCH_WORLD_SWITCHES,
	BENCH_EXITS_FAULT_FIXED,	/* #PF: the host filled its shadow */
	BENCH_EXITS_FAULT_REFLECTED,	/* #PF: the host handed it to the guest */
	BENCH_EXITS_HCALL_SET_PTE,	/* the guest's new PTE */
	BENCH_EXITS_HCALL_OTHER,	/* every other hypercall */
	BENCH_EXITS_IRQ,		/* host interrupts */
	BENCH_EXITS_SYSCALL,		/* int $0x80: system calls */
	BENCH_EXITS_TRAP_OTHER,		/* every other exception */
	BENCH_FASTPATH_REFLECTED,	/* #PF reflected by the Switcher */
	BENCH_EXITLESS_FILLS,		/* #PF: the Switcher filled the shadow */
	BENCH_EXITLESS_SET_PTES,	/* LHCALL_SET_PTE answered by the Switcher */
	BENCH_EXIT_KINDS
};

struct bench_exits {
	double n[BENCH_EXIT_KINDS];
};

/* Metric name stem of each group, e.g. "exits_fault_fixed". */
extern const char *const bench_exit_names[BENCH_EXIT_KINDS];

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
