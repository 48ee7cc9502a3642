// SPDX-License-Identifier: GPL-2.0
/*
 * LHCALL_GUEST_INIT with a flag bit the host does not know, next to the
 * one it does: the host must kill the guest ("unknown LHCALL_GUEST_INIT
 * flags") rather than ignore the bit, so that a future flag can never be
 * taken for granted by a guest on a host that lacks it.  setup.c makes
 * the call before main() runs.
 */
#include "report.h"

u32 guest_init_flags = LGUEST_INIT_LINEAR_MAP | 0x80000000u;

int main(void)
{
	report(false, "killed", "survived LHCALL_GUEST_INIT flags 0x%x",
	       guest_init_flags);
	return report_summary();
}
