// SPDX-License-Identifier: GPL-2.0
/*
 * User space single-steps, count times (the command line's count=,
 * default 3): each is a #DB, which the host sees exit and hands back to
 * us.  The CPU leaves its single-step bit in DR6 for every one, where the
 * host's own next #DB would find it unless the host clears it after the
 * exit (tests/abi/dr6_after_guest checks that it does).
 */
#include "cmdline.h"
#include "idt.h"
#include "report.h"
#include "user.h"

int main(void)
{
	u32 count = cmdline_uint("count", 3), i, not_db = 0;

	trap_set_handler(VEC_DB, user_exit);
	for (i = 0; i < count; i++)
		if (user_call(user_single_step, 0, 0) != VEC_DB)
			not_db++;
	report_eq("every_step_was_a_debug_trap", not_db, 0);
	return report_summary();
}
