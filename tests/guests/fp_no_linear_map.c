// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 and LGUEST_INIT_LINEAR_MAP: a guest that does not promise to keep
 * its memory mapped at LGUEST_PAGE_OFFSET must never get the fastpath, as
 * the walker reads the guest's tables and lguest_data through that map.
 * This guest registers with no flags, then lets ring 3 read and write
 * not-present pages (a missing PTE, a missing page table) in every way
 * fault_cases[] knows.  Each must be reflected exactly as in the baseline;
 * the host test checks that the fastpath build reflected them all in the
 * host (faults_reflected > 0) and none in the Switcher
 * (fastpath_reflected == 0).  It still keeps the map in fact: only the
 * promise is missing.
 */
#include "fault_case.h"
#include "idt.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* No promise: the library's default is LGUEST_INIT_LINEAR_MAP. */
u32 guest_init_flags = 0;

/* A page table is made for PTE_VA, its entries empty; none for PDE_VA. */
#define PTE_VA		(USER_DATA_VA + 3 * PT_SPAN + 0x0e7 * PAGE_SIZE + 0x18)
#define PDE_VA		(USER_DATA_VA + 11 * PT_SPAN + 0x2b1 * PAGE_SIZE + 0x60)
#define FIX_VA		(USER_DATA_VA + 3 * PT_SPAN + 0x300 * PAGE_SIZE + 0x10)
#define REPEATS		2	/* 2 x 8 x 2 faults: the host tests want >= 32 */

int main(void)
{
	trap_set_handler(VEC_PF, user_exit);
	pt_entry(PTE_VA, true);
	if (pt_entry(PDE_VA, false))
		report_abort("0x%x unexpectedly has a page table", PDE_VA);
	/* Sets user space up (code and stack pages) once. */
	user_call(user_trap, 0, 0);

	fault_check_cases("pte_", PTE_VA, REPEATS);
	fault_check_cases("pde_", PDE_VA, REPEATS);
	fault_check_fix_and_continue(FIX_VA, 0x0dd0f00d);
	return report_summary();
}
