// SPDX-License-Identifier: GPL-2.0
/*
 * Switching page directories.  A copy of the boot page directory shares all
 * its tables; a mapping added to the copy alone must be visible only while
 * the copy is in use, so the host must keep one shadow per directory or
 * rebuild it on each switch, never mix them.
 */
#include "page_alloc.h"
#include "probe.h"
#include "pt.h"
#include "report.h"
#include "str.h"

#define VA	0x30400000u	/* kernel-only, no table in the boot directory */

static bool mapped(u32 *val)
{
	*val = 0;
	return probe_read(VA, val) == 0;
}

int main(void)
{
	u32 boot = pt_pgdir(), copy = page_alloc(), pa = page_alloc(), val;

	if (pt_entry(VA, false))
		report_abort("0x%x already has a page table", VA);
	memcpy(__va(copy), __va(boot), PAGE_SIZE);
	*(u32 *)__va(pa) = 0xc0b1e5;

	pt_switch(copy);
	report(true, "switched_and_running", "-");
	pt_set(VA, pa | PTE_P | PTE_W | PTE_A | PTE_D);
	report(mapped(&val) && val == 0xc0b1e5, "copy_sees_new_mapping",
	       "read 0x%x (fault: vector %u error 0x%x)", val,
	       probe_last.vector, probe_last.error);

	pt_switch(boot);
	report(!mapped(&val) && probe_last.error == 0 && probe_last.cr2 == VA,
	       "boot_does_not_see_it",
	       "read 0x%x, or faulted with error 0x%x cr2 0x%x", val,
	       probe_last.error, probe_last.cr2);

	pt_switch(copy);
	report(mapped(&val) && val == 0xc0b1e5, "copy_sees_it_again",
	       "read 0x%x", val);
	pt_switch(boot);
	return report_summary();
}
