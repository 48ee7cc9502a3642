// SPDX-License-Identifier: GPL-2.0
/* Must be killed: switching to a page directory beyond the end of memory. */
#include "hcall.h"
#include "report.h"

int main(void)
{
	u32 gpa = boot_info->mem_size;
	long ret;

	report_info("new page table at gpa 0x%x: the host must kill us", gpa);
	ret = hcall1(LHCALL_NEW_PGTABLE, gpa);
	report(false, "killed", "survived: the call returned %d", (int)ret);
	return report_summary();
}
