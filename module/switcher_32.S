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
 * interrupts off.  We save the host's segment registers and stack pointer
 * in the host state page, load the guest's GDT, IDT and TSS (and no LDT)
 * and its CR4 and shadow page tables, and pop the guest's registers out of
 * the regs slot, which in the guest's page tables is that guest's own
 * register page.  iret, and the guest runs.
 *
 * Out of the guest: every vector of the guest's IDT points at a stub here.
 * The CPU has pushed the trap frame at the top of the regs slot (the TSS's
 * esp0 points there); the stub pushes the trap number, and switch_to_host
 * pushes the rest of the registers, so struct lguest_regs is complete.  We
 * reload the host's page tables (their address waits in %dr0), CR4, GDT,
 * IDT, stack and TSS, and return to lguest_run_once(), which reads the
 * story from struct lguest_regs.
 *
 * The guest kernel, at ring 1, can read all that its page tables show of
 * the Switcher's slot and write what is writable (lg.h): the text, its own
 * regs page and a read-only page with its GDT, IDT and TSS.  Nothing we
 * keep for the host is in them, and nothing the host trusts is written
 * there but what the exit itself writes.
 */
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include <asm/msr-index.h>
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
	/*
	 * Leave nothing of ours in the CPU's buffers for the guest to sample
	 * (MDS and its kin): where the host clears them, a verw of the
	 * selector in this CPU's guest state page, a fixed distance from the
	 * iret frame on the regs slot.  Every register is the guest's now,
	 * but %ss is still flat, and the flags verw sets die with the iret.
	 */
	cmpw	$0, LGUEST_VERW_SEL_FROM_IRET(%esp)
	je	.Lno_verw\@
	verw	LGUEST_VERW_SEL_FROM_IRET(%esp)
.Lno_verw\@:
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
	 * host's kernel mappings into the guest.  (CR4 also drops SMAP, SMEP
	 * and UMIP: core.c says why.)  Both come from the host state page,
	 * which vanishes with the next instruction.  A CR4 write serializes;
	 * where the host has none of those bits (lg.ko's pge_off on a CPU
	 * without the rest), the guest's CR4 is the host's, and we skip it.
	 */
	movl	LGUEST_PAGES_guest_cr4(%eax), %edx
	movl	%cr4, %ecx
	cmpl	%ecx, %edx
	je	2f
	movl	%edx, %cr4
2:
	movl	LGUEST_PAGES_guest_cr3(%eax), %edx
	movl	%edx, %cr3

	/* We are in the guest's address space: the regs slot is its regs. */
	RESTORE_GUEST_REGS_AND_IRET

/*
 * Every IDT stub ends up here, with the CPU's frame, the error code (real
 * or a dummy) and the trap number already pushed.
 */
switch_to_host:
	/*
	 * A frame from virtual-8086 mode is four words longer than the rest
	 * (trap number, error code, eip, cs, eflags, ...): read as our
	 * registers it would put the guest's choice of words where the trap
	 * number and the iret frame go.  No CPU lets ring 1 into that mode,
	 * but QEMU's TCG does, on an iret.
	 */
	testl	$X86_EFLAGS_VM, 16(%esp)
	jnz	switcher_vm86
	/*
	 * The guest never runs at ring 0: a frame from ring 0 is a fault of
	 * the Switcher's own (trap number, error code, eip, cs).
	 */
	testl	$3, 12(%esp)
	jz	switcher_fault
	SAVE_GUEST_REGS
	/* The M:012 fastpath joins here when it hands a fault to the host. */
switch_to_host_pushed:
	/* Our data segment, and our pages: the page the stack is in. */
	movl	$LGUEST_SWITCHER_DS_SEL, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%esp, %eax
	andl	$PAGE_MASK, %eax

	/*
	 * The host's address space.  Its cr3 cannot wait for us in memory
	 * the guest can read, so it waits in a debug register, which ring 1
	 * cannot; from the next instruction on the host state page is there.
	 * Then CR4 (PGE, SMAP and the rest back on), unless it never changed.
	 */
	movl	%dr0, %edx
	movl	%edx, %cr3
	movl	LGUEST_PAGES_host_cr4(%eax), %edx
	movl	%cr4, %ecx
	cmpl	%ecx, %edx
	je	1f
	movl	%edx, %cr4
1:

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
 * A fault of the Switcher's own: the CPU refused something on the way
 * into the guest (an iret to a code segment the guest shrank, say).  The
 * frame is the CPU's, pushed on the stack we were using, which at every
 * instruction that can fault is this CPU's regs slot; the guest's
 * registers are half popped and lost.  Write down what happened where the
 * host reads the registers, and go home: the host kills the guest.
 */
switcher_fault:
	movl	$LGUEST_SWITCHER_FAULT_FLAG, %ecx
	jmp	1f
/* The guest in virtual-8086 mode, its frame a shape we do not read. */
switcher_vm86:
	movl	$LGUEST_SWITCHER_VM86_FLAG, %ecx
1:
	movl	$LGUEST_SWITCHER_DS_SEL, %eax
	movl	%eax, %ds
	movl	%eax, %es
	orl	0(%esp), %ecx		/* the vector */
	movl	4(%esp), %edx		/* its error code */
	movl	8(%esp), %ebx		/* eip, in the Switcher or the guest */
	movl	%esp, %eax
	andl	$PAGE_MASK, %eax
	leal	LGUEST_PAGES_regs(%eax), %esp
	movl	%ecx, LGUEST_PAGES_regs_trapnum(%eax)
	movl	%edx, LGUEST_PAGES_regs_errcode(%eax)
	movl	%ebx, LGUEST_PAGES_regs_eip(%eax)
	jmp	switch_to_host_pushed

/*
 * An NMI.  From the guest it goes to the host like any interrupt.  Inside
 * the Switcher (ring 0) it must not: it could land half way through a world
 * switch or a reflection.  We note where it landed (the eip it interrupted,
 * never zero) in a debug register, where the guest can neither forge nor
 * clear it and which needs no stack of ours, and return to where we were;
 * the host runs its NMI handler after the trip.
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
	movl	4(%esp), %eax
	movl	%eax, %dr2
	popl	%eax
	iret

/*
 * A machine check.  From the guest (or virtual-8086 mode) it goes to the
 * host like an interrupt, and the host hands it to its handler as one
 * taken in user space, where only the guest's task can be at fault
 * (core.c).  Inside the Switcher it is the host's own, taken in kernel
 * code: if the CPU says we may go on (MCG_STATUS.RIPV), we note where it
 * hit in %dr3, as we note an NMI, and return, and the host's handler runs
 * after the trip; if not, we cannot go back, and the common path treats it
 * as the Switcher's own fault: the host runs its handler, and kills the
 * guest.
 */
	.p2align 4
	.globl	switcher_mce
switcher_mce:
	pushl	$0			/* a #MC pushes no error code */
	testl	$X86_EFLAGS_VM, 12(%esp)	/* error code, eip, cs, eflags */
	jnz	2f
	testl	$3, 8(%esp)
	jnz	2f
	pushl	%eax
	pushl	%ecx
	pushl	%edx
	movl	$MSR_IA32_MCG_STATUS, %ecx
	rdmsr
	testl	$LGUEST_MCG_STATUS_RIPV, %eax
	popl	%edx
	popl	%ecx
	popl	%eax
	jz	2f
	pushl	%eax
	movl	8(%esp), %eax		/* eip (never 0), after the error code */
	movl	%eax, %dr3
	popl	%eax
	addl	$4, %esp
	iret
2:
	pushl	$18
	jmp	switch_to_host

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
#ifdef LGUEST_EXITLESS
#include "switcher_exitless.S"
#endif

	.globl	end_switcher_text
end_switcher_text:
