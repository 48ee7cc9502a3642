// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case g: the shared page missing from the shadow.  User space runs
 * with the virtual IF on, set before LHCALL_FLUSH_TLB(1) dropped every
 * shadow entry; then the kernel touched again everything the Switcher's
 * walk uses but lguest_data (the page directory, the page tables, the
 * kernel stack), and entered ring 3 without going near lguest_data (bare
 * user_enter(): no irq_enable()).  Ring 3 reads a not-present page.  In
 * the fastpath build the walk succeeds, and reading the virtual IF from
 * lguest_data faults ("recursive"): the Switcher hands the original fault
 * to the host, which reflects it, cr2 and the cleared IF in lguest_data.
 * A control run touches lguest_data too and is reflected by the Switcher
 * alone.
 */
#include "fault_case.h"

int main(void)
{
	return fault_recursive_main(WALK_SHARED_PAGE);
}
