// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: LHCALL_SET_PTE for a user page of the current page
 * directory, under a page table the shadow already has, with the accessed
 * bit set (so the host shadows it at once), naming a frame one page past
 * the end of memory.  The host kills us for it ("out of range").  The
 * exitless build's Switcher answers such calls itself when it can: it must
 * see the frame is not ours and leave the call to the host, never index
 * its frame table with it.
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define VA	(USER_DATA_VA + 2 * PT_SPAN)

int main(void)
{
	u32 beyond = boot_info->mem_size + PAGE_SIZE, vector;

	trap_set_handler(VEC_PF, user_exit);
	/* A page touched from ring 3: the shadow now has the table. */
	pt_set(VA, page_alloc() | PTE_USER_RW);
	vector = user_call(user_load, VA, 0);
	report_eq("first_touch_ended_in_syscall", vector, VEC_SYSCALL);

	report_info("SET_PTE of frame 0x%x at 0x%x: the host must kill us",
		    beyond, VA + PAGE_SIZE);
	pt_set(VA + PAGE_SIZE, beyond | PTE_USER_RW);
	report(false, "killed", "survived a SET_PTE past the end of memory");
	return report_summary();
}
