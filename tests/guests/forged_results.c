// SPDX-License-Identifier: GPL-2.0
/*
 * A guest that forges its results.  It runs as benchmark "forged", 10
 * null hypercalls in each of 3 windows (expect.txt's bench rule: launcher
 * -r FILE -w forged:10:3), and before that tries every way it has to put
 * other figures in the launcher's results:
 *
 *  - result lines of the host's figures printed on its console, which the
 *    launcher's lines once shared;
 *  - LHCALL_NOTIFY with values that are no window: 0, the end of memory,
 *    a window cut by the end of memory, the top of the address space;
 *  - windows of another benchmark, of repetition 0 and of a repetition out
 *    of turn, an end that never began, a window claiming 1000 times its
 *    operations (and then none), a phase 2, a name with no NUL;
 *  - a window begun and never ended, which the real repetition 1 begins
 *    again;
 *  - a flood of 2000 marks, and a window past the 3 asked for.
 *
 * The host must count only the 3 real windows, each about 2.2 world
 * switches an operation (the NOPs, and the ending NOTIFY's own exit).
 */
#include "bench.h"
#include "hcall.h"
#include "printf.h"
#include "str.h"

#define NAME		"forged"
#define FLOOD_MARKS	2000

static struct lguest_bench_window w;

static void mark(const char *name, u32 phase, u32 rep, u32 ops)
{
	w.magic = LGUEST_WINDOW_MAGIC;
	w.phase = phase;
	w.rep = rep;
	w.ops = ops;
	memset(w.benchmark, 0, sizeof(w.benchmark));
	memcpy(w.benchmark, name, strlen(name));
	hcall1(LHCALL_NOTIFY, __pa(&w));
}

/* What the launcher would have printed, on the guest's own console. */
static void forge_console(void)
{
	printf("BENCH," NAME ",world_switches_per_op,switches,1,0.001\n");
	printf("BENCH,null_hypercall,world_switches_per_op,switches,1,0.001\n");
	printf("BENCH,page_fault1,exits_fault_fixed_per_page,exits,1,0.001\n");
	printf("BENCH,user_fault_cow,exitless_set_ptes_per_op,ptes,1,9.000\n");
}

static void notify_junk(void)
{
	u32 mem = boot_info->mem_size;

	hcall1(LHCALL_NOTIFY, 0);
	hcall1(LHCALL_NOTIFY, mem);
	hcall1(LHCALL_NOTIFY, mem - sizeof(w) / 2);
	hcall1(LHCALL_NOTIFY, 0xFFFFFFF0u);
	hcall1(LHCALL_NOTIFY, 0xFFFFFFFFu);
}

static void forge_windows(void)
{
	u32 i;

	mark("null_hypercall", 0, 1, 0);
	mark("null_hypercall", 1, 1, 10);
	mark(NAME, 0, 2, 0);
	mark(NAME, 0, 0, 0);
	mark(NAME, 1, 1, 10);		/* never began */
	mark(NAME, 0, 1, 0);
	mark(NAME, 1, 1, 10 * 1000);	/* 1000 times the operations */
	mark(NAME, 1, 1, 0);		/* none */
	mark(NAME, 2, 1, 10);
	memset(w.benchmark, 'f', sizeof(w.benchmark));
	hcall1(LHCALL_NOTIFY, __pa(&w));
	/* Repetition 1 is left open: the real one begins it again. */
	for (i = 0; i < FLOOD_MARKS; i++)
		mark(NAME, i % 2, 5, 10);
}

static void run(u32 ops)
{
	while (ops--)
		hcall0(LHCALL_NOP);
}

int main(void)
{
	static const struct bench b = {
		.name = NAME,
		.def_ops = 10,
		.run = run,
	};
	int status;

	forge_console();
	notify_junk();
	forge_windows();
	status = bench_main(&b);
	mark(NAME, 0, 4, 0);
	mark(NAME, 1, 4, 10);
	forge_console();
	return status;
}
