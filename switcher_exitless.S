/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exitless build: the Switcher does the shadow's work itself.
 *
 *	The walker sent the guest its own faults;
 *	the host still had to write the shadow's line.
 *	We borrow the host's own map for a breath,
 *	write the line, and give the guest its world back.
 *
 * Included into the Switcher's text (module/switcher_32.S) after the
 * M:012 walker (switcher_fastpath.S), by the exitless build only.  The
 * walker reflects the faults that are the guest's; what was left for the
 * host was of two kinds, and both are done here:
 *
 *  - a fault on a page the guest's entries allow (the shadow lacks the
 *    entry, or keeps it read-only until the page is dirty): the walker
 *    jumps to ex_present, and we do what demand_page() does: set the
 *    guest's accessed (and, for a write, dirty) bits, build the shadow
 *    entry, write it, and let the guest retry the instruction;
 *  - LHCALL_SET_PTE, the hypercall by which a guest tells the host a new
 *    PTE: the IDT's hypercall gate comes here first, and we do what
 *    guest_set_pte() does for the current page directory.
 *
 * Two things the host keeps must not be where the guest kernel can read
 * them (they are host frame numbers) or write them: the shadow page
 * tables and the guest's frame table (gpfn -> host pfn).  So they are not
 * in the Switcher's slot at all.  For the few instructions that touch
 * them, we load the host's cr3 (from %dr0, which ring 1 cannot read) and
 * come back: "the window".  In it the Switcher's slot is the host's view
 * of it (the same text, GDT, IDT and state page; the host state page
 * besides; in the regs slot the host's spare page, so nothing is pushed),
 * interrupts are off, and an NMI only notes itself in %dr2 and returns.
 * The guest's CR4 has no PGE: no host translation outlives the reload of
 * the guest's cr3.  Every address the window touches is host memory in
 * the linear map, reached from values the guest cannot write (the host
 * state page): it cannot fault.  This costs two writes of cr3 and their
 * TLB refills, not the rest of a world switch: no GDT, IDT, TSS or stack
 * changes, and no host C code.
 *
 * Everything read from the guest is read first, in the guest's address
 * space, where a fault is recovered as the walker's are: fp_recursive
 * hands the original fault (or hypercall) to the host, and the range
 * ex_guest_start..ex_guest_end is what it recognises as ours.  Nothing we
 * write before that point differs from what the host then writes.
 */

/*
 * The shadow entry's rights, as shadow_pte() gives them, into \out: present
 * and accessed; user if the guest's PDE (\both, clobbered) and PTE (\pte)
 * both are; writable only if both allow it and the PTE is dirty, so that
 * the first write to a clean page still faults and gets its dirty bit.
 */
.macro SHADOW_RIGHTS pte, both, out
	andl	\pte, \both
	movl	$(FP_PAGE_PRESENT | FP_PAGE_ACCESSED), \out
	testl	$FP_PAGE_USER, \both
	jz	.Lnot_user\@
	orl	$FP_PAGE_USER, \out
.Lnot_user\@:
	testl	$FP_PAGE_RW, \both
	jz	.Ldone\@
	testl	$FP_PAGE_DIRTY, \pte
	jz	.Ldone\@
	orl	$(FP_PAGE_RW | FP_PAGE_DIRTY), \out
.Ldone\@:
.endm

/*
 * Into the window: the host's cr3, and in %ecx the guest's, to go back
 * with; then in \pte_page the shadow page table for the address in %eax,
 * or a jump to \none if the shadow has none there.
 */
.macro ENTER_WINDOW pte_page, none
	movl	%dr0, %ecx
	movl	%ecx, %cr3
	/* The host's view: the host state page is here now. */
	movl	LGUEST_PAGES_guest_cr3(%ebx), %ecx
	movl	%eax, \pte_page
	shrl	$22, \pte_page
	movl	HOST_PAGE_OFFSET(%ecx,\pte_page,4), \pte_page	/* the shadow PDE */
	testl	$FP_PAGE_PRESENT, \pte_page
	jz	\none
	andl	$PAGE_MASK, \pte_page
.endm

/*
 * In the window: guest frame \frame becomes the host's, as an entry's
 * address bits, or a jump to the host if the frame table has no such frame.
 */
.macro HOST_FRAME frame, tmp
	cmpl	LGUEST_PAGES_ex_npages(%ebx), \frame
	jae	switch_to_host_pushed
	/*
	 * The frame is the guest's, and the whole linear map is ours here:
	 * should the CPU run on past the jump before it resolves (Spectre
	 * v1), the mask from the comparison's carry, all ones only below
	 * ex_npages, makes it frame 0.
	 */
	sbbl	\tmp, \tmp
	andl	\tmp, \frame
	movl	LGUEST_PAGES_ex_frames(%ebx), \tmp
	movl	(\tmp,\frame,4), \frame
	shll	$PAGE_SHIFT, \frame
.endm

/*
 * The fill, in the guest's address space.  From the walker: %eax = cr2,
 * %ebx = our pages, %edx = the guest PTE (present), %ebp = the guest PDE,
 * %esi = the PTE's address, %edi = the error code.
 */
ex_guest_start:
ex_present:
	/*
	 * We iret straight back to the faulting instruction, where the host
	 * would first judge the guest's %cs (valid_guest_regs(): a code
	 * segment the guest loaded may be conforming, or end before eip).  Its
	 * own flat user segment needs no judging; any other is the host's.
	 */
	movl	$FP_PRESENT, %ecx
	cmpl	$LGUEST_USER_CS_SEL, LGUEST_PAGES_regs_cs(%ebx)
	jne	fp_to_host

	/* A frame past the guest's memory: the host kills the guest for it. */
	movl	%edx, %ecx
	andl	$PAGE_MASK, %ecx
	cmpl	LGUEST_PAGES_fp_mem_size(%ebx), %ecx
	movl	$FP_BAD_TABLE, %ecx
	jae	fp_to_host

	/* Would the CPU allow the access on the guest's own tables? */
	movl	%ebp, %ecx
	andl	%edx, %ecx
	testl	$FP_PAGE_USER, %ecx
	jz	ex_forbidden
	testl	$FP_PF_WRITE, %edi
	jz	1f
	testl	$FP_PAGE_RW, %ecx
	jz	ex_forbidden
1:
	/* The guest's accessed bits, as the CPU would set them (may fault). */
	testl	$FP_PAGE_ACCESSED, %ebp
	jnz	2f
	orl	$FP_PAGE_ACCESSED, %ebp
	movl	%eax, %ecx
	shrl	$22, %ecx
	shll	$2, %ecx
	addl	LGUEST_PAGES_fp_gpgdir_va(%ebx), %ecx
	movl	%ebp, (%ecx)
2:
	movl	%edx, %ecx
	orl	$FP_PAGE_ACCESSED, %ecx
	testl	$FP_PF_WRITE, %edi
	jz	3f
	orl	$FP_PAGE_DIRTY, %ecx
3:
	cmpl	%ecx, %edx
	je	4f
	movl	%ecx, (%esi)
	movl	%ecx, %edx
4:
	movl	%ebp, %ecx
	SHADOW_RIGHTS %edx, %ecx, %ebp
	/*
	 * Said now, while the regs page is the guest's: if the window finds
	 * nothing to fill, it goes straight to the host.
	 */
	movl	$FP_NO_SHADOW, LGUEST_PAGES_fp_exit_reason(%ebx)
	shrl	$PAGE_SHIFT, %edx
	jmp	ex_fill

	/* The guest's entries forbid it: a protection fault of the guest's. */
ex_forbidden:
	orl	$FP_PF_PROT, %edi
	jmp	fp_reflect

/*
 * LHCALL_SET_PTE, in the guest's address space, from switcher_exitless_hcall:
 * %eax = the virtual address, %ebx = our pages; the guest's registers are
 * saved.  What guest_set_pte() would write into the current shadow, to
 * %ebp (0: no entry) and %edx (the guest frame); anything the host would
 * judge otherwise (kill the guest, or look at another page directory) is
 * the host's.
 */
ex_set_pte:
	/* The host runs the async ring first: if it holds a call, so must we. */
	movl	LGUEST_PAGES_fp_lguest_data_va(%ebx), %esi
	addl	$LGUEST_DATA_hcall_status, %esi
	movl	$(LGUEST_HCALL_RING_SIZE / 4), %ecx
7:
	cmpl	$-1, (%esi)		/* four LHCALL_STATUS_FREE (may fault) */
	jne	switch_to_host_pushed
	addl	$4, %esi
	decl	%ecx
	jnz	7b

	/* Only an entry the guest has used is shadowed at once. */
	xorl	%ebp, %ebp
	movl	LGUEST_PAGES_regs_edx(%ebx), %edx
	movl	%edx, %ecx
	andl	$(FP_PAGE_PRESENT | FP_PAGE_ACCESSED), %ecx
	cmpl	$(FP_PAGE_PRESENT | FP_PAGE_ACCESSED), %ecx
	jne	ex_set_shadow
	movl	%edx, %ecx
	andl	$PAGE_MASK, %ecx
	cmpl	LGUEST_PAGES_fp_mem_size(%ebx), %ecx
	jae	switch_to_host_pushed	/* out of range: the host kills */

	/* The guest's walk for it, as walk_guest() does (may fault). */
	movl	%eax, %ecx
	shrl	$22, %ecx
	movl	LGUEST_PAGES_fp_gpgdir_va(%ebx), %esi
	movl	(%esi,%ecx,4), %esi
	testl	$FP_PAGE_PRESENT, %esi
	jz	ex_set_shadow
	testl	$FP_PAGE_PSE, %esi
	jnz	switch_to_host_pushed
	movl	%esi, %ebp		/* the PDE, for its rights */
	andl	$PAGE_MASK, %esi
	cmpl	LGUEST_PAGES_fp_mem_size(%ebx), %esi
	jae	switch_to_host_pushed
	movl	%eax, %ecx
	shrl	$PAGE_SHIFT, %ecx
	andl	$1023, %ecx
	movl	LGUEST_GUEST_PAGE_OFFSET(%esi,%ecx,4), %ecx
	testl	$FP_PAGE_PRESENT, %ecx
	jz	8f
	andl	$PAGE_MASK, %ecx
	cmpl	LGUEST_PAGES_fp_mem_size(%ebx), %ecx
	jae	switch_to_host_pushed

	/* The rights, from the PDE and the new PTE. */
	movl	%ebp, %ecx
	SHADOW_RIGHTS %edx, %ecx, %ebp
	shrl	$PAGE_SHIFT, %edx
	jmp	ex_set_shadow
8:
	/* The guest's own walk finds nothing: the entry is simply dropped. */
	xorl	%ebp, %ebp
	jmp	ex_set_shadow
ex_guest_end:

/*
 * The window, for a fill: %eax = cr2, %edx = the guest frame, %ebp = the
 * rights.  Nothing here can fault (see the top).
 */
ex_fill:
	/* No shadow page table there: the host makes one. */
	ENTER_WINDOW %esi, switch_to_host_pushed
	HOST_FRAME %edx, %edi
	orl	%ebp, %edx
	shrl	$PAGE_SHIFT, %eax
	andl	$1023, %eax
	movl	%edx, HOST_PAGE_OFFSET(%esi,%eax,4)
	incl	LGUEST_PAGES_ex_fills(%ebx)
	/* Back to the guest's world, which retries the instruction. */
	movl	%ecx, %cr3
	RESTORE_GUEST_REGS_AND_IRET

/*
 * The window, for LHCALL_SET_PTE: %eax = the virtual address, %ebp = the
 * rights (0: write no entry), %edx = the guest frame.  The host changes
 * nothing when the shadow has no page table there; nor do we.
 */
ex_set_shadow:
	ENTER_WINDOW %esi, 1f
	testl	%ebp, %ebp
	jz	2f
	HOST_FRAME %edx, %edi
	orl	%edx, %ebp
2:
	shrl	$PAGE_SHIFT, %eax
	andl	$1023, %eax
	movl	%ebp, HOST_PAGE_OFFSET(%esi,%eax,4)
1:
	incl	LGUEST_PAGES_ex_set_ptes(%ebx)
	movl	%ecx, %cr3
	/* The hypercall's answer, as do_hcall() gives it. */
	movl	$0, LGUEST_PAGES_regs_eax(%ebx)
	RESTORE_GUEST_REGS_AND_IRET

/*
 * The hypercall gate.  Only LHCALL_SET_PTE for the current page directory
 * and a user address is ours: a kernel address is shared by every shadow,
 * another page directory's shadow may be any of the host's, and the rest
 * are the host's anyway.  The common path also judges a frame from ring 0
 * or from virtual-8086 mode.
 */
	.p2align 4
	.globl	switcher_exitless_hcall
switcher_exitless_hcall:
	pushl	$0
	pushl	$LGUEST_TRAP_ENTRY_VECTOR
	cmpl	$LGUEST_HCALL_SET_PTE, %eax
	jne	switch_to_host
	testl	$X86_EFLAGS_VM, 16(%esp)	/* trap number, error code, eip, cs, eflags */
	jnz	switch_to_host
	/*
	 * We iret straight back to the caller: only from the guest kernel's
	 * own flat code segment, whose every eip is valid.  A call from a
	 * code segment the guest loaded (conforming, say, or with the int
	 * at its last bytes) is the host's to judge, as is a frame from
	 * ring 0.
	 */
	cmpl	$LGUEST_KERNEL_CS_SEL, 12(%esp)
	jne	switch_to_host
	SAVE_GUEST_REGS
	movl	$LGUEST_SWITCHER_DS_SEL, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%esp, %ebx
	andl	$PAGE_MASK, %ebx
	cmpl	$0, LGUEST_PAGES_fp_enabled(%ebx)
	je	switch_to_host_pushed
	movl	LGUEST_PAGES_regs_ebx(%ebx), %edx	/* the page directory */
	addl	$LGUEST_GUEST_PAGE_OFFSET, %edx
	cmpl	LGUEST_PAGES_fp_gpgdir_va(%ebx), %edx
	jne	switch_to_host_pushed
	movl	LGUEST_PAGES_regs_ecx(%ebx), %eax	/* the virtual address */
	cmpl	$LGUEST_GUEST_PAGE_OFFSET, %eax
	jae	switch_to_host_pushed
	jmp	ex_set_pte
