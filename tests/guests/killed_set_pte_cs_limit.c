// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: LHCALL_SET_PTE from a code segment of our own that ends
 * with the int, so the return address lies one byte past its limit.  The
 * host will not iret there (valid_guest_regs()) and kills us.  The exitless
 * build's Switcher answers such calls itself, and once returned there
 * unchecked: hardware faults on that iret at ring 0, but QEMU's TCG does
 * not check the limit, and we ran on.  Every build must kill us.
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

int main(void)
{
	struct desc seg = desc_code_at((u32)segment_hcall_stub,
				       SEGMENT_HCALL_LRET - 1, 1);
	u32 page = page_alloc(), vector;

	trap_set_handler(VEC_PF, user_exit);
	/* A page touched from ring 3: the shadow now has the table. */
	pt_set(VA, page_alloc() | PTE_USER_RW);
	vector = user_call(user_load, VA, 0);
	report_eq("first_touch_ended_in_syscall", vector, VEC_SYSCALL);

	report_info("SET_PTE returning past the limit of %%cs: the host must kill us");
	WRITE_ONCE(*pt_entry(VA + PAGE_SIZE, true), page | PTE_USER_RW);
	segment_hcall(OWN_CS_SLOT, seg, LHCALL_SET_PTE, pt_pgdir(),
		      VA + PAGE_SIZE, page | PTE_USER_RW);
	report(false, "killed", "returned past the limit of our code segment");
	return report_summary();
}
