/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The probes proper.  Each records %esp just before its one access that may
 * fault, so a test can check where the host put the trap frame; the fixup
 * makes the probe return -1 with the stack as it was at the fault.
 */
	.text
	.globl probe_read
probe_read:
	movl 4(%esp), %edx
	movl %esp, probe_esp
	.globl probe_read_insn
probe_read_insn:
	movl (%edx), %eax
	movl 8(%esp), %edx
	movl %eax, (%edx)
	xorl %eax, %eax
	ret

	.globl probe_write
probe_write:
	movl 4(%esp), %edx
	movl 8(%esp), %eax
	movl %esp, probe_esp
	.globl probe_write_insn
probe_write_insn:
	movl %eax, (%edx)
	xorl %eax, %eax
	ret

	.globl probe_failed
probe_failed:
	movl $-1, %eax
	ret

	.bss
	.align 4
	.globl probe_esp
probe_esp:
	.long 0
