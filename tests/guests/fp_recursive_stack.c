// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case f (i): a kernel stack missing from the shadow.  The stack for
 * traps from ring 3 (LHCALL_SET_STACK, a page of its own) is mapped in the
 * guest's tables, but LHCALL_FLUSH_TLB(1) just dropped every shadow entry,
 * and the kernel touched again everything the Switcher's walk uses but the
 * stack: the page directory, the page tables, lguest_data.  Ring 3 then
 * reads a not-present page.  In the fastpath build the walk succeeds, and
 * writing the trap frame faults ("recursive"): the Switcher hands the
 * original fault to the host, which writes the frame itself.  A control
 * run touches the stack too and is reflected by the Switcher alone.
 */
#include "fault_case.h"

int main(void)
{
	return fault_recursive_main(WALK_KERNEL_STACK);
}
