// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case a: ring 3 reads and writes an address whose page-directory
 * entry is not present.  The fastpath build's Switcher reflects these
 * itself (the host test checks fastpath_reflected, and faults_reflected
 * staying 0); the baseline host reflects them.  Either way the guest must
 * see what the CPU would give it: #PF, cr2, error 4 (read) or 6 (write),
 * the faulting instruction, the user's cs, ss, esp and registers, the
 * frame at the top of the LHCALL_SET_STACK stack, the pushed eflags showing
 * user space's virtual IF, and the virtual IF in the handler cleared by an
 * interrupt gate and left alone by a trap gate.  A not-present entry whose
 * other bits are junk (a table beyond memory, the large-page bit) is still
 * just not present.  Finally a handler that maps the page lets the store
 * complete.
 */
#include "fault_case.h"
#include "idt.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* No page table here (checked). */
#define VA		(USER_DATA_VA + 6 * PT_SPAN + 0x3a5 * PAGE_SIZE + 0x7c4)
#define FIX_VA		(USER_DATA_VA + 9 * PT_SPAN + 0x10 * PAGE_SIZE + 0x20)
/* P clear, every other bit set: a "table" far beyond memory, PSE, U, W. */
#define JUNK_PDE	0xfffff0feu
#define REPEATS		4

int main(void)
{
	trap_set_handler(VEC_PF, user_exit);
	if (pt_entry(VA, false))
		report_abort("0x%x unexpectedly has a page table", VA);
	/* Sets user space up (code and stack pages) once. */
	user_call(user_trap, 0, 0);

	fault_check_cases("", VA, REPEATS);

	pt_set_pde(VA >> PDE_SHIFT, JUNK_PDE);
	fault_check_case("junk_pde_read", FAULT_READ, VA);
	fault_check_case("junk_pde_write", FAULT_WRITE, VA);
	pt_set_pde(VA >> PDE_SHIFT, 0);

	if (pt_entry(FIX_VA, false))
		report_abort("0x%x unexpectedly has a page table", FIX_VA);
	fault_check_fix_and_continue(FIX_VA, 0x5ca1ab1e);
	return report_summary();
}
