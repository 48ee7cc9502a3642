// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: a page-directory entry whose page table lies beyond the
 * end of memory, then an access through it.  The host may refuse the entry
 * at LHCALL_SET_PGD or when it walks the table on the fault; either way it
 * must not read outside the guest, nor pass the fault to us.
 */
#include "probe.h"
#include "pt.h"
#include "report.h"

#define VA	0x30800000u	/* kernel-only, no table yet */

int main(void)
{
	u32 table = boot_info->mem_size + 4 * PT_SPAN;
	u32 val = 0;
	int ret;

	report_info("page table at gpa 0x%x for 0x%x: the host must kill us",
		    table, VA);
	pt_set_pde(VA >> PDE_SHIFT, table | PDE_TABLE);
	ret = probe_read(VA, &val);
	report(false, "killed", "survived: %s", ret ?
	       "the host reflected the fault to the guest" : "the read worked");
	return report_summary();
}
