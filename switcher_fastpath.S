/* SPDX-License-Identifier: GPL-2.0 */
/*
 * M:012: reflect a guest user-space page fault without leaving the guest.
 *
 *	The guest reached for a page not there;
 *	the old way climbed to the host to learn
 *	what the guest's own tables already said.
 *	We read them here, and send the fault straight home.
 *
 * Included into the Switcher's text (module/switcher_32.S) by the fastpath
 * build only; the baseline Switcher has none of this.  The fastpath build's
 * IDT sends vector 14 here instead of to the common stub.
 *
 * The story of one fault.  Guest user space writes to a page its kernel
 * has not mapped yet.  The shadow has no entry, so the CPU faults: it
 * switches to ring 0 on the regs slot (the guest's own register page) and
 * pushes the frame.  We are still in the guest's address space, with the
 * guest's GDT and IDT, interrupts off.  We save the registers exactly as
 * the way to the host would, then walk the guest's two-level page table:
 *
 *  - the guest PDE or PTE is not present: the fault is the guest's.  We
 *    build on the guest kernel stack the very frame the host would build
 *    (interrupts.c: deliver_trap), store cr2 where the guest reads it, clear
 *    its virtual interrupt flag for an interrupt gate, point the saved
 *    registers at its page-fault handler, and iret.  No world switch at all;
 *    the host would have spent two (and the guest's SET_PTE spends two more);
 *  - a write the guest's entries forbid (copy-on-write: present, read-
 *    only), which M:012 names too: the guest's as well, reflected the same
 *    way with the CPU's error code;
 *  - the entry is present and allows the access: the shadow merely lacks
 *    it, or keeps it read-only until the page is dirty, which only the
 *    host can fix.  We go on to the host exactly as the common stub would.
 *
 * Guest memory is reached through the guest kernel's linear map: guest-
 * physical p at virtual LGUEST_PAGE_OFFSET + p, through the shadow page
 * tables, at ring 0.  Every address we touch is checked to lie below the
 * Switcher, where the shadow maps nothing but guest pages: the guest cannot
 * make us read or write anything else.  Any of those accesses may fault
 * (the shadow lacks the entry, or the guest unmapped the page): the CPU
 * then re-enters this stub from ring 0, and we hand the ORIGINAL fault to
 * the host, its cr2 saved before the first guest access (in fp_exit, at
 * the bottom of the regs page: see lg.h for why the host may read it).  (An NMI during
 * the walk is the common Switcher's business: switcher_nmi notes it for the
 * host and returns here.)  The host handles
 * it as the baseline would.  Nothing we write before the last step differs
 * from what the host path then writes, so giving up half way is safe: the
 * frame and cr2 are written first, the interrupt flag cleared last.
 *
 * Register use after SAVE_GUEST_REGS: %ebx = our pages (the regs page is
 * the first), %eax = cr2, %ecx = the reason if we give up, %edi = the
 * error code to deliver.
 */

	.p2align 4
	.globl	switcher_fastpath_pf
switcher_fastpath_pf:
	/* Virtual-8086 mode's longer frame is switch_to_host's business. */
	testl	$X86_EFLAGS_VM, 12(%esp)	/* error code, eip, cs, eflags */
	jnz	fp_vm86
	/* A frame from ring 0 means one of our own accesses below faulted. */
	testl	$3, 8(%esp)		/* error code, eip, cs */
	jz	fp_recursive
	pushl	$14
	SAVE_GUEST_REGS
	movl	$LGUEST_SWITCHER_DS_SEL, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%esp, %ebx
	andl	$PAGE_MASK, %ebx
	movl	%cr2, %eax
	movl	%eax, LGUEST_PAGES_fp_exit_cr2(%ebx)

	/* Is this a fault we may reflect at all? */
	movl	$FP_NOT_READY, %ecx
	cmpl	$0, LGUEST_PAGES_fp_enabled(%ebx)
	je	fp_to_host
	/*
	 * User space's own access?  The error code's U bit says, not the
	 * frame's %cs: the CPU pushing a system call's frame onto the guest
	 * kernel's stack (direct system calls, interrupts.c) faults with user
	 * space's %cs but as the supervisor, and such a fault is the host's.
	 * Every other fault with a ring-3 %cs is user space's, and every
	 * fault from rings 1 and 2 the supervisor's.
	 */
	movl	$FP_NOT_USER, %ecx
	testl	$FP_PF_USER, LGUEST_PAGES_regs_errcode(%ebx)
	jz	fp_to_host
	/*
	 * %edi: the error code the guest will see.  A protection fault is
	 * ours to judge only for a write (M:012's "write faults": copy-on-
	 * write); a read the guest forbids stays the host's.
	 */
	movl	LGUEST_PAGES_regs_errcode(%ebx), %edi
	movl	$FP_PROTECTION, %ecx
	testl	$FP_PF_PROT, %edi
	jz	1f
	testl	$FP_PF_WRITE, %edi
	jz	fp_to_host
1:
	movl	$FP_SWITCHER_RANGE, %ecx
	cmpl	LGUEST_PAGES_fp_switcher_addr(%ebx), %eax
	jae	fp_to_host

	/* The guest's page-directory entry (may fault). */
	movl	%eax, %edx
	shrl	$22, %edx
	movl	LGUEST_PAGES_fp_gpgdir_va(%ebx), %esi
	movl	(%esi,%edx,4), %edx
	testl	$FP_PAGE_PRESENT, %edx
	jz	fp_not_present
	movl	$FP_BAD_TABLE, %ecx
	testl	$FP_PAGE_PSE, %edx
	jnz	fp_to_host
	movl	%edx, %ebp		/* the PDE's rights, for a write fault */
	andl	$PAGE_MASK, %edx
	cmpl	LGUEST_PAGES_fp_mem_size(%ebx), %edx
	jae	fp_to_host

	/* The guest's page-table entry (may fault). */
	movl	%eax, %esi
	shrl	$PAGE_SHIFT, %esi
	andl	$1023, %esi
	leal	LGUEST_GUEST_PAGE_OFFSET(%edx,%esi,4), %esi	/* its address */
	movl	(%esi), %edx
	testl	$FP_PAGE_PRESENT, %edx
	jz	fp_not_present
#ifdef LGUEST_EXITLESS
	/* The exitless build fills the shadow here (switcher_exitless.S). */
	jmp	ex_present
#endif

	/*
	 * Present.  A read: the shadow merely lacks the entry, and only the
	 * host can fill it (or reflect a read the guest forbids).  A write:
	 * the guest decides, as demand_page() does.  If its PDE and PTE do
	 * not both allow a user write, the fault is its own (copy-on-write),
	 * a protection fault to the guest whatever the shadow said: P set.
	 * If they do, the shadow lacks the entry or keeps it read-only for
	 * the host's dirty tracking: the host fills it and sets the dirty bit.
	 */
	movl	$FP_PRESENT, %ecx
	testl	$FP_PF_WRITE, %edi
	jz	fp_to_host
	andl	%ebp, %edx
	andl	$FP_PAGE_USER_RW, %edx
	cmpl	$FP_PAGE_USER_RW, %edx
	je	fp_to_host
	orl	$FP_PF_PROT, %edi
	jmp	fp_reflect

	/* Not present to the guest: so the guest sees P clear, whatever the shadow said. */
fp_not_present:
	andl	$~FP_PF_PROT, %edi

fp_reflect:
	/* The eflags the guest sees: its own, with the virtual IF (may fault). */
	movl	LGUEST_PAGES_fp_lguest_data_va(%ebx), %esi
	movl	LGUEST_DATA_irq_enabled(%esi), %ebp
	andl	$X86_EFLAGS_IF, %ebp
	movl	LGUEST_PAGES_regs_eflags(%ebx), %ecx
	andl	$~X86_EFLAGS_IF, %ecx
	orl	%ecx, %ebp

	/* The frame goes below the guest kernel stack: all of it below us. */
	movl	$FP_BAD_STACK, %ecx
	movl	LGUEST_PAGES_tss_sp1(%ebx), %edx
	cmpl	LGUEST_PAGES_fp_switcher_addr(%ebx), %edx
	ja	fp_to_host
	subl	$LGUEST_FRAME_BYTES, %edx
	jb	fp_to_host

	/* The frame the CPU would push from ring 3 (may fault). */
	movl	%edi, 0(%edx)
	movl	LGUEST_PAGES_regs_eip(%ebx), %ecx
	movl	%ecx, 4(%edx)
	movl	LGUEST_PAGES_regs_cs(%ebx), %ecx
	movl	%ecx, 8(%edx)
	movl	%ebp, 12(%edx)
	movl	LGUEST_PAGES_regs_esp(%ebx), %ecx
	movl	%ecx, 16(%edx)
	movl	LGUEST_PAGES_regs_ss(%ebx), %ecx
	movl	%ecx, 20(%edx)

	/* cr2 where the guest reads it; last, an interrupt gate's cleared IF. */
	movl	%eax, LGUEST_DATA_cr2(%esi)
	cmpl	$0, LGUEST_PAGES_fp_gate_trap(%ebx)
	jne	1f
	movl	$0, LGUEST_DATA_irq_enabled(%esi)
1:
	/* Committed: nothing below can fault.  Resume at the guest's handler. */
fp_guest_done:
	movl	%edx, LGUEST_PAGES_regs_esp(%ebx)
	movzwl	LGUEST_PAGES_tss_ss1(%ebx), %ecx
	movl	%ecx, LGUEST_PAGES_regs_ss(%ebx)
	movl	$LGUEST_KERNEL_CS_SEL, LGUEST_PAGES_regs_cs(%ebx)
	movl	LGUEST_PAGES_fp_handler(%ebx), %ecx
	movl	%ecx, LGUEST_PAGES_regs_eip(%ebx)
	andl	$~(X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_RF | X86_EFLAGS_VM), \
		LGUEST_PAGES_regs_eflags(%ebx)
	/* Counted where the guest cannot add to the count: %dr1 (lg.h). */
	movl	%dr1, %ecx
	incl	%ecx
	movl	%ecx, %dr1
	RESTORE_GUEST_REGS_AND_IRET

fp_vm86:
	pushl	$14
	jmp	switcher_vm86

/* Give the fault to the host, as the common stub would, saying why. */
fp_to_host:
	movl	%ecx, LGUEST_PAGES_fp_exit_reason(%ebx)
	jmp	switch_to_host_pushed

/*
 * One of our accesses faulted.  Its frame sits below the saved registers:
 * drop it, and hand the host the original fault (or, for the exitless
 * build's LHCALL_SET_PTE, the original hypercall).  cr2 now names our access,
 * not the guest's: the host takes the original from fp_exit.  A page fault
 * at ring 0 anywhere else is no walk of ours but the Switcher's own fault,
 * with no saved registers above it (switcher_fault).
 */
fp_recursive:
	call	1f
1:	popl	%eax
	subl	$(1b - switcher_fastpath_pf), %eax
	movl	4(%esp), %edx		/* error code, eip */
	subl	%eax, %edx
	cmpl	$(fp_guest_done - switcher_fastpath_pf), %edx
	jb	2f
#ifdef LGUEST_EXITLESS
	/* The exitless build's own walks recover the same way. */
	subl	$(ex_guest_start - switcher_fastpath_pf), %edx
	cmpl	$(ex_guest_end - ex_guest_start), %edx
	jb	2f
#endif
	pushl	$14
	jmp	switcher_fault
2:
	movl	%esp, %ebx
	andl	$PAGE_MASK, %ebx
	leal	LGUEST_PAGES_regs(%ebx), %esp
	movl	$FP_RECURSIVE, %ss:LGUEST_PAGES_fp_exit_reason(%ebx)
	jmp	switch_to_host_pushed
