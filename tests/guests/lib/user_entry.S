/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ring_enter() saves the kernel's callee-saved registers and stack pointer,
 * then irets to an outer ring; user_enter() is ring_enter() into ring 3.
 * user_leave() is their other half, called from a trap handler on the trap
 * stack: it drops that stack and returns from ring_enter() on the kernel's
 * own.
 */
#include "asm-offsets.h"

	.text
	.globl user_enter
user_enter:
	pushl $LGUEST_USER_DS
	pushl $LGUEST_USER_CS
	pushl 12(%esp)				/* regs */
	call ring_enter
	addl $12, %esp
	ret

	/* ring_enter(regs, cs, ss) */
	.globl ring_enter
ring_enter:
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl %esp, kernel_esp
	movl 20(%esp), %eax
	/* iret to an outer ring clears %ds/%es if they are ring-1 segments. */
	movl 28(%esp), %ecx
	movl %ecx, %ds
	movl %ecx, %es
	movl 24(%esp), %edx
	pushl %ecx				/* ss */
	pushl USER_REGS_esp(%eax)		/* esp */
	pushl $(X86_EFLAGS_IF | 2)		/* eflags */
	pushl %edx				/* cs */
	pushl USER_REGS_eip(%eax)		/* eip */
	movl USER_REGS_ebx(%eax), %ebx
	movl USER_REGS_ecx(%eax), %ecx
	movl USER_REGS_edx(%eax), %edx
	movl USER_REGS_esi(%eax), %esi
	movl USER_REGS_edi(%eax), %edi
	movl USER_REGS_ebp(%eax), %ebp
	movl USER_REGS_eax(%eax), %eax
	iret

	.globl user_leave
user_leave:
	movl 4(%esp), %eax
	movl $LGUEST_KERNEL_DS, %ecx
	movl %ecx, %ds
	movl %ecx, %es
	movl kernel_esp, %esp
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret

	.bss
	.align 4
kernel_esp:
	.long 0
