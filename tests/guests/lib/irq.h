/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual interrupt flag, lguest_data.irq_enabled.  The real IF stays on
 * while the guest runs; the host delivers an interrupt only when this flag
 * is set, and leaves lguest_data.irq_pending set when one is waiting.
 */
#ifndef GUEST_IRQ_H
#define GUEST_IRQ_H

#include "guest.h"

struct trap_frame;

void irq_disable(void);
/* Turns the flag on and lets a waiting interrupt in at once. */
void irq_enable(void);
void irq_restore(u32 flags);

static inline u32 irq_flags(void)
{
	return READ_ONCE(lguest_data.irq_enabled);
}

/*
 * Waiting for an interrupt.  Test the wake-up condition with the virtual IF
 * off, then call safe_halt(), which turns the flag on and sleeps in
 * LHCALL_HALT as one step as far as interrupt delivery goes (an interrupt
 * taken between the two skips the hypercall), and returns with the flag on;
 * turn it off before testing again:
 *
 *	irq_disable();
 *	while (!condition) {
 *		safe_halt();
 *		irq_disable();
 *	}
 *
 * Tested with the flag on, the interrupt that makes the condition true can
 * arrive after the test and before the halt, which then waits for one that
 * never comes.  That is rare enough to pass most runs, so safe_halt() refuses
 * to start with the flag on: it aborts the guest (a FAIL line, status 1) and
 * the mistake fails every run.
 */
void safe_halt(void);
/* The dispatcher's half of safe_halt(). */
void halt_fixup(struct trap_frame *f);

#endif
