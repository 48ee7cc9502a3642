/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One 16-byte stub per vector, then the common path.  The host delivers
 * exactly what the CPU would push, so the CPU's rule decides which vectors
 * carry an error code; for the others a zero keeps the frame uniform.
 */
#include "asm-offsets.h"

	.text
	.align 16
	.globl trap_stubs
trap_stubs:
	.set vec, 0
	.rept 256
	.align 16
	.if (vec == 8) || ((vec >= 10) && (vec <= 14)) || (vec == 17)
	.else
	pushl $0
	.endif
	pushl $vec
	jmp trap_common
	.set vec, vec + 1
	.endr

trap_common:
	pushal
	pushl %ds
	pushl %es
	pushl %fs
	pushl %gs
	cld
	/* From ring 3 %ds and %es are the user's: take ours. */
	movl $LGUEST_KERNEL_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	pushl %esp
	call trap_dispatch
	addl $4, %esp
	popl %gs
	popl %fs
	popl %es
	popl %ds
	popal
	addl $8, %esp
	/* Registered as lguest_data.noirq_iret: no interrupt lands here. */
	.globl trap_iret
trap_iret:
	iret
