// SPDX-License-Identifier: GPL-2.0
/*
 * LHCALL_SET_PTE from a code segment of our own that ends exactly at the
 * byte after the int: the return address is the segment's last byte, a
 * valid one, and every build must return there.  The exitless build's
 * Switcher, which answers such calls itself from the kernel's own code
 * segment, leaves this one to the host, which judges the segment and finds
 * it sound.  The entry must take effect as from anywhere else.
 */
#include "hcall.h"
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
	u32 page = page_alloc(), vector;
	long ret;

	trap_set_handler(VEC_PF, user_exit);
	/* A page touched from ring 3: the shadow now has the table. */
	pt_set(VA, page_alloc() | PTE_USER_RW);
	vector = user_call(user_load, VA, 0);
	report_eq("first_touch_ended_in_syscall", vector, VEC_SYSCALL);

	((u32 *)__va(page))[0] = WORD;
	WRITE_ONCE(*pt_entry(VA + PAGE_SIZE, true), page | PTE_USER_RW);
	ret = segment_hcall(OWN_CS_SLOT, seg, LHCALL_SET_PTE, pt_pgdir(),
			    VA + PAGE_SIZE, page | PTE_USER_RW);
	report_eq("set_pte_returned_0", ret, 0);

	vector = user_call(user_load, VA + PAGE_SIZE, 0);
	report_eq("load_ended_in_syscall", vector, VEC_SYSCALL);
	report_eq("load_saw_the_page", user_exit_info.frame.eax, WORD);
	return report_summary();
}
