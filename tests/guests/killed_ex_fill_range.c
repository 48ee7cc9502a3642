// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: a present user PTE, written to memory without telling
 * the host (as a guest may: the shadow fills on demand), naming a frame
 * one page past the end of memory, under a page table the shadow already
 * has; then a ring-3 access to it.  The host's walk finds the frame out of
 * range and kills us.  The exitless build's Switcher would fill that entry
 * itself: it must find the frame is not the guest's and give the fault to
 * the host, never write a shadow entry for it.
 */
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
	pt_set(VA, page_alloc() | PTE_USER_RW);
	vector = user_call(user_load, VA, 0);
	report_eq("first_touch_ended_in_syscall", vector, VEC_SYSCALL);

	WRITE_ONCE(*pt_entry(VA + PAGE_SIZE, false), beyond | PTE_USER_RW);
	report_info("a ring-3 read through a PTE for frame 0x%x: the host must kill us",
		    beyond);
	vector = user_call(user_load, VA + PAGE_SIZE, 0);
	report(false, "killed", "survived: the read ended with vector %u",
	       vector);
	return report_summary();
}
