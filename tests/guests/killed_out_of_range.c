// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: a console write from a guest-physical address one page
 * past the end of memory.  The host checks every address it is handed, and
 * reading there would read the launcher's memory beyond the guest.
 */
#include "hcall.h"
#include "report.h"

int main(void)
{
	u32 gpa = boot_info->mem_size + PAGE_SIZE;
	long ret;

	report_info("console write from gpa 0x%x: the host must kill us", gpa);
	ret = hcall2(LHCALL_CONSOLE_WRITE, gpa, 16);
	report(false, "killed", "survived: the write returned %d", (int)ret);
	return report_summary();
}
