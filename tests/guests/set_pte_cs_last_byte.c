// SPDX-License-Identifier: GPL-2.0
/*
 * LHCALL_SET_PTE from a code segment of our own that ends exactly at the
 * byte after the int: the return address is the segment's last byte, a
 * valid one, and every build must return there.  The exitless build's
 * Switcher, which answers such calls itself from the kernel's own code
 * segment, leaves this one to the host, which judges the segment and finds
 * it sound.  The entry must take effect as from anywhere else.
 */
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "segment_hcall.h"
#include "user.h"

#define VA		(USER_DATA_VA + 2 * PT_SPAN)
#define OWN_CS_SLOT	20
#define WORD		0x5e7c0de5u

int main(void)
{
	struct desc seg = desc_code_at((u32)segment_hcall_stub,
				       SEGMENT_HCALL_LRET, 1);
	u32 page = page_alloc();

	((u32 *)__va(page))[0] = WORD;
	report_eq("set_pte_returned_0",
		  segment_set_pte(OWN_CS_SLOT, seg, VA, page | PTE_USER_RW), 0);
	report_eq("load_ended_in_syscall", user_call(user_load, VA + PAGE_SIZE, 0),
		  VEC_SYSCALL);
	report_eq("load_saw_the_page", user_exit_info.frame.eax, WORD);
	return report_summary();
}
