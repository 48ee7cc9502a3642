// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: LHCALL_SET_PTE from a conforming code segment of our
 * own.  The host returns to no conforming segment (valid_guest_regs()) and
 * kills us.  The exitless build's Switcher answers such calls itself, and
 * once returned there unchecked, so we survived under it alone.  Every
 * build must kill us.
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
	struct desc seg = desc_conforming(desc_code_at((u32)segment_hcall_stub,
						       SEGMENT_HCALL_LRET, 1));

	report_info("SET_PTE from a conforming code segment: the host must kill us");
	segment_set_pte(OWN_CS_SLOT, seg, VA, page_alloc() | PTE_USER_RW);
	report(false, "killed", "returned into a conforming code segment");
	return report_summary();
}
