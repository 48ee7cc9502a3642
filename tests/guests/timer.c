// SPDX-License-Identifier: GPL-2.0
/*
 * The clock event on interrupt line 0.
 *
 * First with the virtual IF off: the timer must wake LHCALL_HALT but not be
 * delivered; it waits in irq_pending until interrupts are enabled, and then
 * arrives at once (LHCALL_SEND_INTERRUPTS).  Then the usual way: enable,
 * halt, take it.  Each arrives exactly once, at vector 32, through an
 * interrupt gate, so the handler runs with the flag off while the frame
 * shows it was on, and the flag is back on after the handler returns.
 */
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "report.h"
#include "tsc.h"

#define DELAY_NS	1000000u	/* 1 ms */

static volatile unsigned int ticks;
static volatile u32 tick_vector, tick_eflags, tick_cs, tick_irq_enabled;

static void timer_interrupt(struct trap_frame *f)
{
	ticks++;
	tick_vector = f->vector;
	tick_eflags = f->eflags;
	tick_cs = f->cs;
	tick_irq_enabled = irq_flags();
}

/* if_after: the virtual IF once the interrupt's return was done. */
static void check_tick(const char *what, unsigned int want, u32 if_after)
{
	report(ticks == want, report_name(what, "delivered_once"),
	       "%u timer interrupts, want %u", ticks, want);
	report_eq(report_name(what, "vector"), tick_vector, VEC_TIMER);
	report(tick_cs == LGUEST_KERNEL_CS && (tick_eflags & X86_EFLAGS_IF),
	       report_name(what, "frame"),
	       "cs 0x%x eflags 0x%x: want kernel cs and IF set", tick_cs,
	       tick_eflags);
	report(tick_irq_enabled == 0, report_name(what, "gate_cleared_if"),
	       "irq_enabled 0x%x in the handler", tick_irq_enabled);
	report_eq(report_name(what, "if_restored"), if_after, X86_EFLAGS_IF);
}

/* Pending while masked, delivered on enable. */
static void timer_masked(void)
{
	u32 pending;

	irq_disable();
	hcall1(LHCALL_SET_CLOCKEVENT, DELAY_NS);
	hcall0(LHCALL_HALT);
	pending = READ_ONCE(lguest_data.irq_pending);
	report(ticks == 0, "masked_not_delivered",
	       "%u interrupts delivered with the virtual IF off", ticks);
	report(pending != 0, "masked_sets_irq_pending",
	       "irq_pending is 0 after the halt woke up");
	irq_enable();
	check_tick("masked", 1, irq_flags());
}

/* The ordinary idle loop. */
static void timer_halt(void)
{
	unsigned int tries = 0;
	u32 if_after = 0;
	u64 t0, ns;

	irq_disable();
	t0 = rdtsc();
	hcall1(LHCALL_SET_CLOCKEVENT, DELAY_NS);
	/* The tick is tested with interrupts off (lib/irq.h). */
	while (ticks < 2 && tries++ < 100) {
		safe_halt();
		if_after = irq_flags();
		irq_disable();
	}
	ns = cycles_to_ns(rdtsc() - t0, lguest_data.tsc_khz);
	check_tick("halt", 2, if_after);
	/* tsc_khz is rounded: allow it a little. */
	report(ns >= DELAY_NS / 100 * 99, "halt_not_early",
	       "interrupt after %u ns, asked for %u", (u32)ns, DELAY_NS);
}

int main(void)
{
	if (!lguest_data.tsc_khz)
		report_abort("the host left lguest_data.tsc_khz at 0");
	trap_set_handler(VEC_TIMER, timer_interrupt);
	timer_masked();
	timer_halt();
	hcall1(LHCALL_SET_CLOCKEVENT, 0);
	return report_summary();
}
