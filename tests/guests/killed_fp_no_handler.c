// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed (M:012 case h): no page-fault handler, then a ring-3
 * not-present fault.  The library registers vector 14 at boot, so we load
 * a not-present gate over it, which the host stores as "no handler": the
 * same state as a guest that never registered one.
 *
 * First, many ring-3 faults on pages the guest does map but the shadow
 * lacks: the host must still fix those unseen (the fastpath Switcher,
 * with no handler to reflect to, gives every fault to the host with
 * fallback reason NOT_READY; the host test wants that count well above the
 * dozen a guest's boot takes).  Then the fatal one: "unhandled trap" in
 * both builds.
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define PRESENT_VA	(USER_DATA_VA + 0x20 * PAGE_SIZE)
#define MISSING_VA	(USER_DATA_VA + 0x21 * PAGE_SIZE)
#define ROUNDS		100	/* two NOT_READY faults each (code, data) */

int main(void)
{
	u32 pa = page_alloc(), vector;
	unsigned int i, bad = 0;

	*(u32 *)__va(pa) = 0x0bad0bad;
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	pt_set(PRESENT_VA, pa | PTE_USER_RW);

	/* Vector 14: a gate with the present bit clear. */
	hcall3(LHCALL_LOAD_IDT_ENTRY, VEC_PF, 0, 0);
	for (i = 0; i < ROUNDS; i++) {
		hcall1(LHCALL_FLUSH_TLB, 0);
		vector = user_call(user_load, PRESENT_VA, 0);
		if (vector != VEC_SYSCALL || user_exit_info.frame.eax != 0x0bad0bad)
			bad++;
	}
	report_eq("present_pages_fixed_unseen", bad, 0);

	report_info("ring 3 touches 0x%x with no #PF handler: the host must kill us",
		    MISSING_VA);
	vector = user_call(user_load, MISSING_VA, 0);
	report(false, "killed", "survived: vector %u", vector);
	return report_summary();
}
