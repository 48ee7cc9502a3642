/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Traps and interrupts.  Every vector has a stub that makes the stack look
 * the same (a dummy error code where the CPU pushes none, then the vector),
 * saves the registers and calls trap_dispatch() with this frame.  A test
 * hooks the vectors it cares about; anything else aborts the guest with a
 * FAIL line naming the trap.
 */
#ifndef GUEST_IDT_H
#define GUEST_IDT_H

#include "guest.h"

#define VEC_DE		0
#define VEC_DB		1
#define VEC_UD		6
#define VEC_GP		13
#define VEC_PF		14
#define VEC_TIMER	(LGUEST_IRQ_VECTOR_BASE + LGUEST_IRQ_TIMER)
#define VEC_SYSCALL	0x80

/* Page-fault error code bits. */
#define PF_PRESENT	0x1
#define PF_WRITE	0x2
#define PF_USER		0x4

struct trap_frame {
	u32 gs, fs, es, ds;
	u32 edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
	u32 vector, error;
	/* What the host pushed, as the CPU would have. */
	u32 eip, cs, eflags;
	/* Only when the trap came from ring 3. */
	u32 user_esp, user_ss;
};

typedef void (*trap_handler_t)(struct trap_frame *f);

/* Installs a handler (NULL for the default) and returns the previous one. */
trap_handler_t trap_set_handler(unsigned int vector, trap_handler_t h);
/* (Re)registers a vector's gate with the host, pointing at its stub. */
void idt_set_gate(unsigned int vector, u32 type, u32 dpl);
/* Registers the exception and interrupt-line gates and the kernel stack. */
void idt_init(void);
/* Top of the stack the host uses for traps from ring 3 (LHCALL_SET_STACK). */
u32 trap_stack_top(void);
/* For code that leaves a handler without returning (user_exit()). */
void trap_abandon(void);

static inline bool trap_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}

#endif
