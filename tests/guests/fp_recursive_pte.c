// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case e: a page-table page missing from the shadow.  Ring 3 reads
 * an address whose page-directory entry is present but whose page-table
 * entry is not.  Just before, LHCALL_FLUSH_TLB(1) dropped every shadow
 * entry, the kernel's too, and the kernel touched again what the Switcher's
 * walk reads (the page directory, the user code's page table, lguest_data,
 * the kernel stack) but NOT the page table under VA.  So in the fastpath
 * build the walk reads the page-directory entry, then faults reading the
 * page-table entry through the kernel's linear map ("recursive"), and
 * hands the original fault to the host, which reflects it.  A control run
 * touches the table too and is reflected by the Switcher alone.
 */
#include "fault_case.h"

int main(void)
{
	return fault_recursive_main(WALK_PAGE_TABLE);
}
