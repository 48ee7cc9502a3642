/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel accesses that may fault.  When one does, the trap is recorded in
 * probe_last and the probe returns -1 instead of the guest dying, so a test
 * can look at exactly what the host delivered for a ring-1 fault.
 */
#ifndef GUEST_PROBE_H
#define GUEST_PROBE_H

#include "guest.h"

struct trap_frame;

struct probe_fault {
	u32 vector, error, cr2;
	u32 eip, cs, eflags;
	/* The irq flag inside the handler, and where the frame was. */
	u32 irq_enabled;
	u32 frame_error_addr;
	/* %esp at the faulting instruction. */
	u32 esp;
};

extern struct probe_fault probe_last;

/* 0 and the word at addr, or -1 if reading it faulted. */
int probe_read(u32 addr, u32 *val);
/* 0, or -1 if writing val at addr faulted. */
int probe_write(u32 addr, u32 val);
/* For trap handlers: true (and the frame redirected) if a probe faulted. */
bool probe_fixup(struct trap_frame *f);

#endif
