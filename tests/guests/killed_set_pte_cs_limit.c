// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: LHCALL_SET_PTE from a code segment of our own that ends
 * with the int, so the return address lies one byte past its limit.  The
 * host will not iret there (valid_guest_regs()) and kills us.  The exitless
 * build's Switcher answers such calls itself, and once returned there
 * unchecked: hardware faults on that iret at ring 0, but QEMU's TCG does
 * not check the limit, and we ran on.  Every build must kill us.
 */
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

	report_info("SET_PTE returning past the limit of %%cs: the host must kill us");
	segment_set_pte(OWN_CS_SLOT, seg, VA, page_alloc() | PTE_USER_RW);
	report(false, "killed", "returned past the limit of our code segment");
	return report_summary();
}
