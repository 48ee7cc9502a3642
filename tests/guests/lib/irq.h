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
 * Enables interrupts and sleeps in LHCALL_HALT until one arrives, without
 * the race where the interrupt lands between the two and the halt then
 * sleeps forever: an interrupt taken just before the hypercall skips it.
 * Returns with interrupts enabled.
 */
void safe_halt(void);
/* The dispatcher's half of safe_halt(). */
void halt_fixup(struct trap_frame *f);

#endif
