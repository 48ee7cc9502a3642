/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's counters for one guest (struct lguest_counters) grouped by
 * what a page fault or an operation can cost.  Shared by the benchmark
 * programs, which read the counters from the guest kernel as a cross-check,
 * and the launcher, which reads them from the host for the windows the
 * programs mark and writes the results that count.
 */
#ifndef BENCH_EXIT_GROUPS_H
#define BENCH_EXIT_GROUPS_H

#include "../module/uapi/lguest.h"

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

/* The unit of group @k's counts: "switches", "exits", "faults", ... */
const char *bench_exit_unit(unsigned int k);

/* Groups the counters @c into @e. */
void bench_exits_group(const struct lguest_counters *c, struct bench_exits *e);

#endif
