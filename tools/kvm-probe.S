/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The accelerator probe: a multiboot payload that QEMU boots directly.
 *
 * It asks the one question the VM runner needs answered before trusting an
 * accelerator with our kernel: can it run 32-bit protected-mode code with
 * two-level paging?  It identity-maps the first 4 MiB, turns paging on, and
 * reports success through QEMU's isa-debug-exit port, which makes QEMU exit
 * with status (0x31 << 1) | 1 = 99.  An accelerator that cannot run it
 * aborts or hangs, and the probe's timeout turns that into "no".
 */
	.set	MB_MAGIC, 0x1badb002
	.set	MB_FLAGS, 0
	.set	PTE_PRESENT_RW, 0x003
	.set	CR0_PG, 0x80000000
	.set	DEBUG_EXIT_PORT, 0xf4
	.set	PROBE_OK, 0x31

	.text
	.code32
	/* The multiboot header must sit in the first 8 KiB of the file. */
	.align	4
	.long	MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

	.globl	_start
_start:
	/* One page table mapping 0-4 MiB onto itself... */
	movl	$page_table, %edi
	movl	$PTE_PRESENT_RW, %eax
	movl	$1024, %ecx
1:	movl	%eax, (%edi)
	addl	$4096, %eax
	addl	$4, %edi
	loop	1b
	/* ...hung from the first slot of the page directory. */
	movl	$page_table + PTE_PRESENT_RW, page_directory
	movl	$page_directory, %eax
	movl	%eax, %cr3
	movl	%cr0, %eax
	orl	$CR0_PG, %eax
	movl	%eax, %cr0

	/* Paging is on and we are still running: say so. */
	movb	$PROBE_OK, %al
	outb	%al, $DEBUG_EXIT_PORT
2:	hlt
	jmp	2b

	.bss
	.align	4096
page_directory:
	.space	4096
page_table:
	.space	4096
