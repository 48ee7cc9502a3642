// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case k: a timer interrupt falling due while user space keeps
 * taking not-present faults.  Each round arms a short clock event, and
 * ring 3 writes one fresh page after another; the #PF handler maps each
 * (half the rounds with LHCALL_SET_PTE, so the host runs inside the
 * handler with the virtual IF off; half by writing the entry only, so the
 * handler makes no exit at all and, in the fastpath build, neither did the
 * reflection) and lets user space go on.  The interrupt must:
 *  - never arrive while the #PF handler runs: the handler comes in through
 *    an interrupt gate, so the virtual IF is off from the reflection until
 *    the handler is done and the dispatcher turns the IF back on just
 *    before its iret;
 *  - arrive exactly once per round, with the IF on in its frame and off
 *    in its handler (an interrupt gate too).
 * A round ends a few faults after the interrupt came.
 */
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define REGION_VA	(USER_DATA_VA + 4 * PT_SPAN)	/* a table of its own */
#define ROUNDS		16	/* expect.txt: irqs_delivered >= this */
#define MAX_TRIES	8	/* runs of 1024 pages per round, at most */
#define FAULTS_AFTER	8	/* faults to take after the interrupt */
#define DELAY_NS	100000u	/* 0.1 ms */

static u32 data_pa, *table, next_va;
static volatile bool in_pf, sync_pte;
static volatile unsigned int ticks, after, faults;
/* Violations, counted over all rounds. */
static volatile unsigned int tick_in_pf, tick_if_off, tick_handler_if,
	tick_vector, pf_if_on, pf_bad, ticks_in_user, ticks_in_kernel;

static void timer_interrupt(struct trap_frame *f)
{
	ticks++;
	if (in_pf)
		tick_in_pf++;
	if (!(f->eflags & X86_EFLAGS_IF))
		tick_if_off++;
	if (irq_flags())
		tick_handler_if++;
	if (f->vector != VEC_TIMER)
		tick_vector++;
	if (trap_from_user(f))
		ticks_in_user++;
	else
		ticks_in_kernel++;
}

static void pf_handler(struct trap_frame *f)
{
	u32 va = READ_ONCE(lguest_data.cr2);

	in_pf = true;
	faults++;
	if (irq_flags())
		pf_if_on++;
	/* One fault per page, in order: the handler's mapping always holds. */
	if (!trap_from_user(f) || f->error != (PF_USER | PF_WRITE) ||
	    va != next_va)
		pf_bad++;
	next_va = va + PAGE_SIZE;
	if (ticks && ++after > FAULTS_AFTER) {
		in_pf = false;
		user_exit(f);
	}
	if (sync_pte)
		pt_set(va, data_pa | PTE_USER_RW);
	else
		WRITE_ONCE(table[(va >> 12) & 1023], data_pa | PTE_USER_RW);
	in_pf = false;
}

/* Every page of the region unmapped, the shadow told. */
static void unmap_region(void)
{
	unsigned int i;

	for (i = 0; i < 1024; i++)
		table[i] = 0;
	hcall1(LHCALL_FLUSH_TLB, 0);
}

int main(void)
{
	unsigned int round, try, lost = 0, extra = 0, total_ticks = 0;

	data_pa = page_alloc();
	table = (u32 *)pt_entry(REGION_VA, true) - ((REGION_VA >> 12) & 1023);
	trap_set_handler(VEC_PF, pf_handler);
	trap_set_handler(VEC_TIMER, timer_interrupt);
	user_call(user_trap, 0, 0);	/* user space set up beforehand */

	for (round = 0; round < ROUNDS; round++) {
		u32 vector = VEC_SYSCALL;

		sync_pte = round & 1;
		ticks = 0;
		after = 0;
		irq_disable();
		hcall1(LHCALL_SET_CLOCKEVENT, DELAY_NS);
		for (try = 0; try < MAX_TRIES && vector == VEC_SYSCALL; try++) {
			unmap_region();
			next_va = REGION_VA;
			vector = user_call(user_touch, REGION_VA, 1024);
		}
		/* Anything still due comes now, and must not: one per round. */
		irq_enable();
		hcall0(LHCALL_NOP);
		irq_disable();
		if (ticks == 0)
			lost++;
		if (ticks > 1)
			extra++;
		total_ticks += ticks;
	}
	hcall1(LHCALL_SET_CLOCKEVENT, 0);
	unmap_region();

	report_info("%u interrupts in %u faults: %u in user space, %u in the kernel",
		    total_ticks, faults, ticks_in_user, ticks_in_kernel);
	report_eq("no_round_without_interrupt", lost, 0);
	report_eq("no_round_with_two", extra, 0);
	report_eq("never_inside_pf_handler", tick_in_pf, 0);
	report_eq("frame_shows_if_on", tick_if_off, 0);
	report_eq("interrupt_gate_cleared_if", tick_handler_if, 0);
	report_eq("timer_vector", tick_vector, 0);
	report_eq("pf_gate_cleared_if", pf_if_on, 0);
	report_eq("pf_user_write_in_region", pf_bad, 0);
	return report_summary();
}
