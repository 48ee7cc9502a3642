// SPDX-License-Identifier: GPL-2.0
/*
 * The Switcher is assembly and cannot see C structures: Kbuild turns these
 * definitions into lg-offsets.h, so the assembly always matches the C.
 */
#define COMPILE_OFFSETS
#include <linux/kbuild.h>
#include <asm/mce.h>
#include <asm/trap_pf.h>
#include "lg.h"

void lg_offsets(void);
void lg_offsets(void)
{
	OFFSET(LGUEST_PAGES_host_cr4, lguest_pages, host.host_cr4);
	OFFSET(LGUEST_PAGES_host_sp, lguest_pages, host.host_sp);
	OFFSET(LGUEST_PAGES_host_gdt_desc, lguest_pages, host.host_gdt_desc);
	OFFSET(LGUEST_PAGES_host_idt_desc, lguest_pages, host.host_idt_desc);
	OFFSET(LGUEST_PAGES_guest_cr3, lguest_pages, host.guest_cr3);
	OFFSET(LGUEST_PAGES_guest_cr4, lguest_pages, host.guest_cr4);
	OFFSET(LGUEST_PAGES_ex_frames, lguest_pages, host.ex_frames);
	OFFSET(LGUEST_PAGES_ex_npages, lguest_pages, host.ex_npages);
	OFFSET(LGUEST_PAGES_ex_fills, lguest_pages, host.ex_fills);
	OFFSET(LGUEST_PAGES_ex_set_ptes, lguest_pages, host.ex_set_ptes);
	OFFSET(LGUEST_PAGES_guest_gdt_desc, lguest_pages, state.guest_gdt_desc);
	OFFSET(LGUEST_PAGES_guest_idt_desc, lguest_pages, state.guest_idt_desc);
	OFFSET(LGUEST_PAGES_guest_gdt, lguest_pages, state.guest_gdt);
	OFFSET(LGUEST_PAGES_regs, lguest_pages, regs);
	OFFSET(LGUEST_PAGES_regs_eax, lguest_pages, regs.eax);
	OFFSET(LGUEST_PAGES_regs_ebx, lguest_pages, regs.ebx);
	OFFSET(LGUEST_PAGES_regs_ecx, lguest_pages, regs.ecx);
	OFFSET(LGUEST_PAGES_regs_edx, lguest_pages, regs.edx);
	OFFSET(LGUEST_PAGES_regs_trapnum, lguest_pages, regs.trapnum);
	OFFSET(LGUEST_PAGES_regs_errcode, lguest_pages, regs.errcode);
	OFFSET(LGUEST_PAGES_regs_eip, lguest_pages, regs.eip);
	OFFSET(LGUEST_PAGES_regs_cs, lguest_pages, regs.cs);
	OFFSET(LGUEST_PAGES_regs_eflags, lguest_pages, regs.eflags);
	OFFSET(LGUEST_PAGES_regs_esp, lguest_pages, regs.esp);
	OFFSET(LGUEST_PAGES_regs_ss, lguest_pages, regs.ss);
	OFFSET(LGUEST_PAGES_fp_exit_reason, lguest_pages, fp_exit.reason);
	OFFSET(LGUEST_PAGES_fp_exit_cr2, lguest_pages, fp_exit.cr2);
	OFFSET(LGUEST_PAGES_tss_sp1, lguest_pages, state.guest_tss.sp1);
	OFFSET(LGUEST_PAGES_tss_ss1, lguest_pages, state.guest_tss.ss1);
	OFFSET(LGUEST_PAGES_fp_enabled, lguest_pages, state.fp_enabled);
	OFFSET(LGUEST_PAGES_fp_gpgdir_va, lguest_pages, state.fp_gpgdir_va);
	OFFSET(LGUEST_PAGES_fp_mem_size, lguest_pages, state.fp_mem_size);
	OFFSET(LGUEST_PAGES_fp_switcher_addr, lguest_pages, state.fp_switcher_addr);
	OFFSET(LGUEST_PAGES_fp_handler, lguest_pages, state.fp_handler);
	OFFSET(LGUEST_PAGES_fp_gate_trap, lguest_pages, state.fp_gate_trap);
	OFFSET(LGUEST_PAGES_fp_lguest_data_va, lguest_pages, state.fp_lguest_data_va);
	OFFSET(LGUEST_DATA_irq_enabled, lguest_data, irq_enabled);
	OFFSET(LGUEST_DATA_cr2, lguest_data, cr2);
	OFFSET(LGUEST_DATA_hcall_status, lguest_data, hcall_status);
	DEFINE(LGUEST_HCALL_RING_SIZE, LHCALL_RING_SIZE);
	DEFINE(LGUEST_HCALL_SET_PTE, LHCALL_SET_PTE);
	DEFINE(LGUEST_TRAP_ENTRY_VECTOR, LGUEST_TRAP_ENTRY);
	DEFINE(HOST_PAGE_OFFSET, PAGE_OFFSET);
	DEFINE(LGUEST_KERNEL_CS_SEL, LGUEST_KERNEL_CS);
	DEFINE(LGUEST_USER_CS_SEL, LGUEST_USER_CS);
	DEFINE(LGUEST_GUEST_PAGE_OFFSET, LGUEST_PAGE_OFFSET);
	DEFINE(LGUEST_SWITCHER_FAULT_FLAG, LGUEST_SWITCHER_FAULT);
	DEFINE(LGUEST_SWITCHER_VM86_FLAG, LGUEST_SWITCHER_VM86);
	DEFINE(LGUEST_FRAME_BYTES, 6 * sizeof(u32));
	DEFINE(FP_PF_PROT, X86_PF_PROT);
	DEFINE(FP_PF_WRITE, X86_PF_WRITE);
	DEFINE(FP_PF_USER, X86_PF_USER);
	DEFINE(FP_PAGE_USER_RW, _PAGE_USER | _PAGE_RW);
	DEFINE(FP_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(FP_PAGE_PSE, _PAGE_PSE);
	DEFINE(FP_PAGE_USER, _PAGE_USER);
	DEFINE(FP_PAGE_RW, _PAGE_RW);
	DEFINE(FP_PAGE_ACCESSED, _PAGE_ACCESSED);
	DEFINE(FP_PAGE_DIRTY, _PAGE_DIRTY);
	DEFINE(FP_NOT_READY, LGUEST_FP_NOT_READY);
	DEFINE(FP_NOT_USER, LGUEST_FP_NOT_USER);
	DEFINE(FP_PROTECTION, LGUEST_FP_PROTECTION);
	DEFINE(FP_SWITCHER_RANGE, LGUEST_FP_SWITCHER_RANGE);
	DEFINE(FP_PRESENT, LGUEST_FP_PRESENT);
	DEFINE(FP_BAD_TABLE, LGUEST_FP_BAD_TABLE);
	DEFINE(FP_BAD_STACK, LGUEST_FP_BAD_STACK);
	DEFINE(FP_RECURSIVE, LGUEST_FP_RECURSIVE);
	DEFINE(FP_NO_SHADOW, LGUEST_FP_NO_SHADOW);
	DEFINE(LGUEST_TSS_SEL, LGUEST_GDT_TSS * 8);
	DEFINE(LGUEST_SWITCHER_DS_SEL, LGUEST_GDT_SWITCHER_DS * 8);
	DEFINE(LGUEST_MCG_STATUS_RIPV, MCG_STATUS_RIPV);
	/* From the iret frame at the top of the regs slot to verw_sel. */
	DEFINE(LGUEST_VERW_SEL_FROM_IRET,
	       offsetof(struct lguest_pages, state.verw_sel) -
	       offsetof(struct lguest_pages, regs.eip));
}
