/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The first instructions of every guest.  We arrive at ring 1 with paging
 * on, %eax = LGUEST_BOOT_MAGIC, %esi = the boot information's guest-physical
 * address and no stack.  The boot stack lives in .bss, so .bss is cleared
 * before the first push.
 */
	.section .text.entry, "ax"
	.globl _start
_start:
	cld
	movl %eax, %ebx
	movl %esi, %edx
	movl $__bss_start, %edi
	movl $__bss_end, %ecx
	subl %edi, %ecx
	xorl %eax, %eax
	rep stosb
	movl $boot_stack_top, %esp
	xorl %ebp, %ebp
	pushl %edx
	pushl %ebx
	call guest_start
	/* Not reached: guest_start() shuts the guest down. */
1:	jmp 1b

	.bss
	.align 16
boot_stack:
	.skip 16384
boot_stack_top:

/*
 * What tells the launcher we are a kernel for lguest: an ELF note named
 * "lguest", of type 1, whose descriptor is LGUEST_BOOT_MAGIC ("LGu1").
 */
	.section .note.lguest, "a"
	.balign 4
	.long 7			/* name size: "lguest" and its NUL */
	.long 4			/* descriptor size */
	.long 1			/* type */
	.asciz "lguest"
	.balign 4
	.long 0x4c477531
