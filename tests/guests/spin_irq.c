// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts for a guest that never halts: user space spins at ring 3 on
 * a word until the interrupt line we wait for has arrived, whose handler
 * (ring 1) writes the word; then again, count times.  The command line:
 *
 *	irq=N		the line (default 0, the timer, re-armed every round)
 *	count=N		how many rounds (default 3)
 *	timer_ns=T	the timer's delay for irq=0 (default 1 ms)
 *
 * tests/abi/irq_kick raises line 5 from another CPU while we spin, and
 * the host must kick us out of ring 3 for it at once (jobs/irq-kick.sh).
 */
#include "cmdline.h"
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define SPIN_VA		USER_DATA_VA

static volatile u32 *word;
static u32 arrivals;

static void line_raised(struct trap_frame *f)
{
	(void)f;
	arrivals++;
	*word = 1;
}

int main(void)
{
	u32 line = cmdline_uint("irq", LGUEST_IRQ_TIMER);
	u32 count = cmdline_uint("count", 3);
	u32 timer_ns = cmdline_uint("timer_ns", 1000000);
	u32 page = page_alloc(), i, not_syscall = 0;

	if (line >= LGUEST_IRQS)
		report_abort("irq=%u: there are %u lines", line, LGUEST_IRQS);
	trap_set_handler(LGUEST_IRQ_VECTOR_BASE + line, line_raised);
	word = __va(page);
	pt_set(SPIN_VA, page | PTE_USER_RW);
	for (i = 0; i < count; i++) {
		*word = 0;
		if (line == LGUEST_IRQ_TIMER)
			hcall1(LHCALL_SET_CLOCKEVENT, timer_ns);
		if (user_call(user_spin, SPIN_VA, 0) != VEC_SYSCALL)
			not_syscall++;
	}
	report_eq("every_spin_ended_in_syscall", not_syscall, 0);
	report(arrivals >= count, "every_round_had_its_interrupt",
	       "%u arrivals in %u rounds", arrivals, count);
	return report_summary();
}
