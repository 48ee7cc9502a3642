/* SPDX-License-Identifier: GPL-2.0 */
/*
 * enable_and_halt(), safe_halt() once it has seen the virtual IF off: the
 * guest's "sti; hlt".  An interrupt may be delivered between setting the
 * flag and the hypercall; if its frame points at the hypercall, halt_fixup()
 * moves it past, so the guest does not sleep waiting for an interrupt it has
 * already taken.  One that is still pending at the hypercall is delivered by
 * the host there, and ends the halt.
 */
#include "asm-offsets.h"

	.text
	.globl enable_and_halt
enable_and_halt:
	movl $LHCALL_HALT, %eax
	movl $X86_EFLAGS_IF, lguest_data + LGUEST_DATA_irq_enabled
	.globl halt_insn
halt_insn:
	int $LGUEST_TRAP_ENTRY
	.globl halt_done
halt_done:
	ret
