// SPDX-License-Identifier: GPL-2.0
#include "exit_groups.h"

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

/* Only the exits are exits. */
const char *bench_exit_unit(unsigned int k)
{
	switch (k) {
	case BENCH_WORLD_SWITCHES:
		return "switches";
	case BENCH_FASTPATH_REFLECTED:
		return "faults";
	case BENCH_EXITLESS_FILLS:
		return "fills";
	case BENCH_EXITLESS_SET_PTES:
		return "hypercalls";
	default:
		return "exits";
	}
}

void bench_exits_group(const struct lguest_counters *c, struct bench_exits *e)
{
	unsigned long long hcalls = 0, traps = 0;
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
