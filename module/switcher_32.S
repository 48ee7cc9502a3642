/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Switcher: the one piece of code that lives in both worlds.
 *
 *	Two worlds, one page apart in time;
 *	the host sleeps while the guest is king,
 *	and every trap, however small,
 *	must climb through here to ring the bell.
 *
 * It is copied into the Switcher's text pages, mapped at the same virtual
 * address in the host and in every guest, so it may refer to nothing
 * outside itself but through %eax (this CPU's struct lguest_pages) or the
 * stack.  Every jump is relative; every datum is an offset from %eax.
 *
 * Into the guest: lguest_run_once() far-calls switch_to_guest with
 * interrupts off.  We save the host's segment registers and stack pointer,
 * load the guest's GDT, IDT and TSS and its CR4 and shadow page tables, and
 * pop the guest's registers out of the regs slot, which in the guest's page
 * tables is that guest's own register page.  iret, and the guest runs.
 *
 * Out of the guest: every vector of the guest's IDT points at a stub here.
 * The CPU has pushed the trap frame at the top of the regs slot (the TSS's
 * esp0 points there); the stub pushes the trap number, and switch_to_host
 * pushes the rest of the registers, so struct lguest_regs is complete.  We
 * reload the host's page tables, CR4, GDT, IDT, stack and TSS, and return
 * to lguest_run_once(), which reads the story from struct lguest_regs.
 */
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include "lg-offsets.h"

/* The guest's registers, pushed in the order of struct lguest_regs. */
.macro SAVE_GUEST_REGS
	pushl	%es
	pushl	%ds
	pushl	%fs
	pushl	%gs
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
	pushl	%eax
.endm

/* With %esp at a struct lguest_regs: load it all and return to the guest. */
.macro RESTORE_GUEST_REGS_AND_IRET
	popl	%eax
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%gs
	popl	%fs
	popl	%ds
	popl	%es
	/* Skip the trap number and error code, and return to the guest. */
	addl	$8, %esp
	iret
.endm

	.text
	.p2align 4
	.globl	start_switcher_text
start_switcher_text:

/* %eax = this CPU's struct lguest_pages, at its Switcher address. */
	.globl	switch_to_guest
switch_to_guest:
	/* What the host needs back, on the host's own stack. */
	pushl	%es
	pushl	%ds
	pushl	%gs
	pushl	%fs
	pushl	%ebp
	movl	%esp, LGUEST_PAGES_host_sp(%eax)

	/*
	 * An NMI can arrive at any instruction from here on, so every step
	 * leaves the CPU able to take one.  The guest's IDT comes first, and
	 * before its GDT: its gates name the Switcher's segments, which core.c
	 * also put into the host's GDT, while the host's gates name a kernel
	 * segment that means ring 1 in the guest's.  From now on an NMI goes
	 * to switcher_nmi.
	 */
	lidt	LGUEST_PAGES_guest_idt_desc(%eax)

	/*
	 * The stack: the regs slot, mapped in both worlds (the host's own
	 * spare page here, the guest's registers once cr3 is the guest's).
	 * The host's stack would vanish with the host's page tables.
	 */
	leal	LGUEST_PAGES_regs(%eax), %esp

	/* ltr marks the TSS descriptor busy, so mark it available first. */
	andb	$~0x02, (LGUEST_PAGES_guest_gdt + LGUEST_TSS_SEL + 5)(%eax)
	lgdt	LGUEST_PAGES_guest_gdt_desc(%eax)
	movl	$LGUEST_TSS_SEL, %edx
	ltr	%dx

	/*
	 * CR4 before CR3: dropping PGE flushes the host's global TLB entries,
	 * which would otherwise outlive the switch of page tables and leak the
	 * host's kernel mappings into the guest.  (CR4 also drops SMAP and
	 * SMEP: core.c says why.)
	 */
	movl	LGUEST_PAGES_guest_cr4(%eax), %edx
	movl	%edx, %cr4
	movl	LGUEST_PAGES_guest_cr3(%eax), %edx
	movl	%edx, %cr3

	/* We are in the guest's address space: the regs slot is its regs. */
	RESTORE_GUEST_REGS_AND_IRET

/*
 * Every IDT stub ends up here, with the CPU's frame, the error code (real
 * or a dummy) and the trap number already pushed.
 */
switch_to_host:
	SAVE_GUEST_REGS
	/* The M:012 fastpath joins here when it hands a fault to the host. */
switch_to_host_pushed:
	/* Our data segment, and our pages: the page the stack is in. */
	movl	$LGUEST_SWITCHER_DS_SEL, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%esp, %eax
	andl	$PAGE_MASK, %eax

	/* The host's address space, then its CR4 (PGE and SMAP back on). */
	movl	LGUEST_PAGES_host_cr3(%eax), %edx
	movl	%edx, %cr3
	movl	LGUEST_PAGES_host_cr4(%eax), %edx
	movl	%edx, %cr4

	/*
	 * The host's GDT, then its stack (%ss still holds the Switcher's
	 * selector), then its IDT: in the reverse order of switch_to_guest,
	 * so an NMI always finds gates and a stack that work together.
	 */
	lgdt	LGUEST_PAGES_host_gdt_desc(%eax)
	movl	$__KERNEL_DS, %edx
	movl	%edx, %ss
	movl	LGUEST_PAGES_host_sp(%eax), %esp
	lidt	LGUEST_PAGES_host_idt_desc(%eax)

	/* The host's TSS is still marked busy: mark it available, reload. */
	movl	(LGUEST_PAGES_host_gdt_desc + 2)(%eax), %edx
	andb	$~0x02, (GDT_ENTRY_TSS * 8 + 5)(%edx)
	movl	$(GDT_ENTRY_TSS * 8), %edx
	ltr	%dx

	popl	%ebp
	popl	%fs
	popl	%gs
	popl	%ds
	popl	%es
	/*
	 * A far return: our %cs is the Switcher's selector; the far call
	 * pushed the host's own.
	 */
	lret

/*
 * An NMI.  From the guest it goes to the host like any interrupt.  Inside
 * the Switcher (ring 0) it must not: it could land half way through a world
 * switch or a reflection.  If we are on one of our regs pages we leave a
 * note for the host, which runs its NMI handler after the next exit; on the
 * host's stack (the first instructions of switch_to_guest) there is no safe
 * place for a note, and the NMI is dropped.  Either way we return to where
 * we were.
 */
	.p2align 4
	.globl	switcher_nmi
switcher_nmi:
	testl	$3, 4(%esp)		/* eip, cs */
	jz	1f
	pushl	$0
	pushl	$2
	jmp	switch_to_host
1:
	pushl	%eax
	pushl	%edx
	/* Where are our per-CPU pages?  From where this code is running. */
	call	2f
2:	popl	%eax
	subl	$(2b - start_switcher_text - LGUEST_SWITCHER_TEXT_PAGES * PAGE_SIZE), %eax
	movl	%esp, %edx
	subl	%eax, %edx
	/* On a regs page (an even page after the text)? */
	cmpl	$((LGUEST_SWITCHER_PAGES - LGUEST_SWITCHER_TEXT_PAGES) * PAGE_SIZE), %edx
	jae	3f
	testl	$PAGE_SIZE, %edx
	jnz	3f
	movl	%esp, %eax
	andl	$PAGE_MASK, %eax
	movl	$1, %ss:LGUEST_PAGES_notes_nmi_pending(%eax)
3:	popl	%edx
	popl	%eax
	iret

/*
 * The IDT stubs, one every SWITCHER_STUB_SIZE bytes so the host can find
 * stub n at switcher_idt_stubs + n * 16.  Where the CPU pushes no error
 * code we push a zero, so every frame has the same shape.
 */
	.p2align 4
	.globl	switcher_idt_stubs
switcher_idt_stubs:
	vector = 0
	.rept	256
	.p2align 4
	.if (vector == 8) || ((vector >= 10) && (vector <= 14)) || (vector == 17)
	.else
	pushl	$0
	.endif
	pushl	$vector
	jmp	switch_to_host
	vector = vector + 1
	.endr

#ifdef LGUEST_FASTPATH
#include "switcher_fastpath.S"
#endif

	.globl	end_switcher_text
end_switcher_text:
