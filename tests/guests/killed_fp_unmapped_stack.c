// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed (M:012 case f, ii): LHCALL_SET_STACK names a kernel stack
 * the guest does not map at all, then ring 3 takes a not-present fault.
 * There is nowhere to put the trap frame.  The baseline host finds the
 * stack unmapped when it writes the frame; the fastpath Switcher faults
 * writing it (fallback reason RECURSIVE) and hands the original fault to
 * the host, which finds the same: "cannot deliver trap" in both.
 */
#include "hcall.h"
#include "idt.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define STACK_TOP	0x5f000000u			/* no table there */
#define VA		(USER_DATA_VA + 0x11 * PAGE_SIZE)	/* not mapped */

int main(void)
{
	u32 vector;

	trap_set_handler(VEC_PF, user_exit);
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	if (pt_entry(STACK_TOP - 4, false))
		report_abort("0x%x unexpectedly has a page table", STACK_TOP - 4);
	report_info("kernel stack at 0x%x, not mapped: the host must kill us",
		    STACK_TOP);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, STACK_TOP);
	vector = user_call(user_load, VA, 0);
	report(false, "killed", "survived: vector %u, cr2 0x%x, error 0x%x",
	       vector, user_exit_info.cr2, user_exit_info.frame.error);
	return report_summary();
}
