/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running code at ring 3.  The user program is one of the snippets in
 * user_code.S, copied into a user page; it runs until it traps back (int
 * $0x80, or a fault whose handler calls user_exit()), and user_run() then
 * returns as if from a function call with the trap's vector, the details in
 * user_exit_info.
 *
 * User space runs with the virtual IF on, as under a real kernel; the kernel
 * side runs with it off before and after.
 */
#ifndef GUEST_USER_H
#define GUEST_USER_H

#include "guest.h"
#include "idt.h"

/* The user half of the address space the library uses, away from memory. */
#define USER_CODE_VA	0x40000000u
#define USER_STACK_VA	0x40001000u
#define USER_STACK_TOP	(USER_STACK_VA + PAGE_SIZE)
/* Free for tests: a 4 MiB region of its own, with no table yet. */
#define USER_DATA_VA	0x40400000u

struct user_regs {
	u32 eax, ebx, ecx, edx, esi, edi, ebp;
	u32 eip, esp;
};

/* The snippets of user_code.S; see there for what each expects. */
extern const char user_trap[], user_load[], user_load_insn[],
	user_store[], user_store_insn[], user_touch[], user_hcall[],
	user_int81[], user_gs_load[], user_sysenter[], user_spin[],
	user_single_step[];

/* Where a snippet runs in user space. */
u32 user_va(const char *snippet);
/* Runs at ring 3 from regs, eip and esp included; returns the exit vector. */
u32 user_run(const struct user_regs *regs);
/* Runs a snippet on the user stack with %ebx and %ecx as its arguments. */
u32 user_call(const char *snippet, u32 ebx, u32 ecx);
/*
 * user_touch from ring 3: one word written into each of pages pages from va
 * up, for a fault benchmark's timed loop; aborts unless the run ends in its
 * system call.
 */
void user_touch_pages(u32 va, u32 pages);
/*
 * The bare way into ring 3 (user_entry.S), for tests that must control every
 * access the kernel makes before user space runs: no setup, and the virtual
 * IF left as the caller set it, so user space may even run with it off.
 * user_run() (or user_call()) must have run once before, for the setup.
 */
u32 user_enter(const struct user_regs *regs);
/*
 * user_enter() into another outer ring: cs and ss are its selectors (RPL 2
 * for ring 2), and %ds and %es get ss.  user_exit() ends it the same way.
 */
u32 ring_enter(const struct user_regs *regs, u32 cs, u32 ss);
/*
 * A trap handler: ends the user run, returning to user_run()'s caller.  The
 * library installs it for int $0x80; tests install it for the faults they
 * provoke.
 */
void user_exit(struct trap_frame *f) __noreturn;

/* How the last user run ended. */
struct user_exit_info {
	struct trap_frame frame;	/* a copy of the trap frame */
	u32 frame_addr;			/* where the host put the frame */
	u32 irq_enabled;		/* the virtual IF in the handler */
	u32 cr2;			/* lguest_data.cr2 then */
};
extern struct user_exit_info user_exit_info;

#endif
