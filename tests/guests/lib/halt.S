/* SPDX-License-Identifier: GPL-2.0 */
/*
 * safe_halt(): the guest's "sti; hlt".  Between setting the virtual IF and
 * the hypercall an interrupt may be delivered; if its frame points at the
 * hypercall, halt_fixup() moves it past, so the guest does not sleep waiting
 * for an interrupt it has already taken.
 */
#include "asm-offsets.h"

	.text
	.globl safe_halt
safe_halt:
	movl $LHCALL_HALT, %eax
	movl $X86_EFLAGS_IF, lguest_data + LGUEST_DATA_irq_enabled
	.globl halt_insn
halt_insn:
	int $LGUEST_TRAP_ENTRY
	.globl halt_done
halt_done:
	ret
