// SPDX-License-Identifier: GPL-2.0
/*
 * Halt until one interrupt line is raised, then shut down: the guest the
 * /dev/lguest tests in tests/abi run while they poke at the host from
 * outside (another thread's LGUEST_IOC_IRQ, a launcher that exits with the
 * timer armed).  The command line says how:
 *
 *	irq=N		the line to wait for (default 0, the timer)
 *	timer_ns=T	arm the clock event first (default 1 ms; 0: do not)
 *	notify=1	LHCALL_NOTIFY WAIT_IRQ_ARMED once armed, just before
 *			the first halt, so the launcher knows where we are
 *
 * With no command line, as run-guests.sh runs it, it waits for its own
 * timer.
 */
#include "cmdline.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "report.h"
#include "wait_irq.h"

static volatile u32 arrived;

static void line_raised(struct trap_frame *f)
{
	arrived |= 1u << (f->vector - LGUEST_IRQ_VECTOR_BASE);
}

int main(void)
{
	u32 line = cmdline_uint("irq", LGUEST_IRQ_TIMER);
	u32 timer_ns = cmdline_uint("timer_ns", 1000000);
	unsigned int halts = 0;

	if (line >= LGUEST_IRQS)
		report_abort("irq=%u: there are %u lines", line, LGUEST_IRQS);
	trap_set_handler(LGUEST_IRQ_VECTOR_BASE + line, line_raised);
	irq_disable();
	if (timer_ns)
		hcall1(LHCALL_SET_CLOCKEVENT, timer_ns);
	if (cmdline_uint("notify", 0))
		hcall1(LHCALL_NOTIFY, WAIT_IRQ_ARMED);
	while (!(arrived & (1u << line))) {
		safe_halt();
		irq_disable();
		halts++;
	}
	report_info("line %u after %u halts", line, halts);
	report(arrived == 1u << line, "only_that_line",
	       "lines 0x%x arrived, want 0x%x", arrived, 1u << line);
	return report_summary();
}
