/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User programs.  This is data to the kernel: user.c copies it into the user
 * code page, so it must be position independent.  Each snippet ends in int
 * $0x80 with its result in %eax, or faults on the labelled instruction.
 */
	.section .rodata.user, "a"
	.globl user_code_start
user_code_start:

/* Traps straight back with %eax as it came in. */
	.globl user_trap
user_trap:
	int $0x80

/* Reads the word at %ebx into %eax. */
	.globl user_load
user_load:
	.globl user_load_insn
user_load_insn:
	movl (%ebx), %eax
	int $0x80

/* Writes %ecx to the word at %ebx. */
	.globl user_store
user_store:
	.globl user_store_insn
user_store_insn:
	movl %ecx, (%ebx)
	int $0x80

/* Writes one word into each of %ecx pages from %ebx up (%ecx > 0). */
	.globl user_touch
user_touch:
1:	movl %ecx, (%ebx)
	addl $4096, %ebx
	decl %ecx
	jnz 1b
	int $0x80

/* Sets the trap flag: the CPU single-steps the nop, a #DB. */
	.globl user_single_step
user_single_step:
	pushfl
	orl $0x100, (%esp)
	popfl
	nop
	int $0x80

/* Spins until the word at %ebx is not zero, and traps back with it. */
	.globl user_spin
user_spin:
1:	movl (%ebx), %eax
	testl %eax, %eax
	jz 1b
	int $0x80

/* A hypercall from ring 3, which the host must refuse with a #GP. */
	.globl user_hcall
user_hcall:
	int $0x1f
	int $0x80

/* sysenter, which the host disarms while a guest runs: a #GP. */
	.globl user_sysenter
user_sysenter:
	sysenter
	int $0x80

/* Traps through vector 0x81, which a test may register as a trap gate. */
	.globl user_int81
user_int81:
	int $0x81

/* Reads the word at %gs:(%ebx) into %eax. */
	.globl user_gs_load
user_gs_load:
	movl %gs:(%ebx), %eax
	int $0x80

	.globl user_code_end
user_code_end:
