// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: LHCALL_SET_STACK names a kernel stack inside the
 * Switcher's range (lguest_data.reserve_mem), which the guest may not map,
 * then ring 3 takes a not-present fault.  The baseline host cannot write
 * the frame there; the fastpath Switcher must not either (fallback reason
 * BAD_STACK): it hands the fault to the host.  "cannot deliver trap" in
 * both, and the Switcher's pages untouched.
 */
#include "hcall.h"
#include "idt.h"
#include "report.h"
#include "user.h"

#define VA	(USER_DATA_VA + 0x12 * PAGE_SIZE)	/* not mapped */

int main(void)
{
	u32 switcher = 0u - lguest_data.reserve_mem, vector;

	if (!lguest_data.reserve_mem)
		report_abort("the host left lguest_data.reserve_mem at 0");
	trap_set_handler(VEC_PF, user_exit);
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	/* The Switcher's first per-CPU page: its register page, the frame's target. */
	report_info("kernel stack at 0x%x, in the Switcher at 0x%x: the host must kill us",
		    switcher + 3 * PAGE_SIZE, switcher);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, switcher + 3 * PAGE_SIZE);
	vector = user_call(user_load, VA, 0);
	report(false, "killed", "survived: vector %u, cr2 0x%x, error 0x%x",
	       vector, user_exit_info.cr2, user_exit_info.frame.error);
	return report_summary();
}
