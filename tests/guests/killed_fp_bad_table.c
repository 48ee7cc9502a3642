// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed (M:012 case d): a page-directory entry whose page table
 * lies beyond the end of guest memory, then a ring-3 access through it.
 * The baseline host finds the table out of range when it walks the guest
 * tables; the fastpath Switcher sees the same and hands the fault to the
 * host (fallback reason BAD_TABLE), which must not read outside the guest
 * nor pass the fault to us: "bad page table" / "out of range" in both.
 *
 * The Switcher reads a table at guest-physical p through the kernel's
 * linear map, at LGUEST_PAGE_OFFSET + p.  Beyond memory nothing is mapped
 * there, unless the guest maps it: we do, a zeroed page of ours, so that a
 * Switcher forgetting its range check would read an empty "table" there
 * and reflect the fault instead of letting the host kill us.
 */
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define VA	(USER_DATA_VA + 2 * PT_SPAN + 0x40 * PAGE_SIZE)	/* no table yet */

int main(void)
{
	u32 table = boot_info->mem_size + 4 * PT_SPAN;
	u32 decoy = (u32)__va(table), vector;

	trap_set_handler(VEC_PF, user_exit);
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	if (decoy >= 0u - lguest_data.reserve_mem)
		report_abort("0x%x is in the host's reserved top", decoy);
	pt_set(decoy, page_alloc() | PTE_P | PTE_W | PTE_A | PTE_D);
	(void)READ_ONCE(*(volatile u32 *)decoy);
	report_info("page table at gpa 0x%x for 0x%x, touched from ring 3: the host must kill us",
		    table, VA);
	pt_set_pde(VA >> PDE_SHIFT, table | PDE_TABLE);
	vector = user_call(user_load, VA, 0);
	report(false, "killed", "survived: vector %u, cr2 0x%x, error 0x%x",
	       vector, user_exit_info.cr2, user_exit_info.frame.error);
	return report_summary();
}
