// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: counters copied to a buffer that runs past the end of
 * guest memory.  Writing there would write the launcher's memory beyond
 * the guest.
 */
#include "hcall.h"
#include "report.h"

int main(void)
{
	u32 gpa = boot_info->mem_size - 8;
	long ret;

	report_info("counters to gpa 0x%x: the host must kill us", gpa);
	ret = hcall1(LHCALL_READ_COUNTERS, gpa);
	report(false, "killed", "survived: the read returned %d", (int)ret);
	return report_summary();
}
