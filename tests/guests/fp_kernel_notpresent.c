// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case i: faults from ring 1 on not-present pages.  The fastpath
 * Switcher reflects only ring-3 faults; these it hands to the host
 * (fallback reason NOT_USER; the host test wants that count above what a
 * boot takes), which reflects them as the baseline does: on the current
 * stack with no stack switch, kernel cs, and an error code without the
 * user bit (0 read, 2 write).  Three kinds of address: no page table
 * (kernel half), a page table without the entry (kernel-only test
 * mapping), and a user-half page table without the entry (a kernel
 * access to user space is still a supervisor access).
 */
#include "fault_case.h"
#include "idt.h"
#include "irq.h"
#include "printf.h"
#include "probe.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define NOPTE_VA	0x30400000u		/* kernel-only, below the user region */
#define USER_NOPTE_VA	(USER_DATA_VA + 0x33 * PAGE_SIZE + 0x10)
#define ROUNDS		40	/* 6 faults each: the host test wants >= 200 */

static unsigned int bad;

static void check_fault(const char *what, int ret, u32 va, u32 want_error,
			bool verbose)
{
	const struct probe_fault *p = &probe_last;

	if (!fault_kernel_ok(ret, va, want_error) && !bad++)
		report_info("%s: ret %d vector %u cr2 0x%x error 0x%x cs 0x%x frame 0x%x esp 0x%x eflags 0x%x if %x",
			    what, ret, p->vector, p->cr2, p->error, p->cs,
			    p->frame_error_addr, p->esp, p->eflags,
			    p->irq_enabled);
	if (verbose)
		fault_check_kernel(what, ret, va, want_error);
}

int main(void)
{
	u32 nopde_va = LGUEST_PAGE_OFFSET + boot_info->mem_size + 3 * PT_SPAN;
	u32 val = 0;
	unsigned int i;

	if (pt_entry(nopde_va, false))
		report_abort("0x%x unexpectedly has a page table", nopde_va);
	if (nopde_va >= 0u - lguest_data.reserve_mem)
		report_abort("0x%x is in the host's reserved top", nopde_va);
	pt_entry(NOPTE_VA, true);
	pt_entry(USER_NOPTE_VA, true);

	irq_enable();
	for (i = 0; i < ROUNDS; i++) {
		bool v = i == 0;

		check_fault("nopde_read", probe_read(nopde_va + i * 4, &val),
			    nopde_va + i * 4, 0, v);
		check_fault("nopde_write", probe_write(nopde_va + i * 4, i),
			    nopde_va + i * 4, PF_WRITE, v);
		check_fault("nopte_read", probe_read(NOPTE_VA + i * 8, &val),
			    NOPTE_VA + i * 8, 0, v);
		check_fault("nopte_write", probe_write(NOPTE_VA + i * 8, i),
			    NOPTE_VA + i * 8, PF_WRITE, v);
		check_fault("user_nopte_read", probe_read(USER_NOPTE_VA, &val),
			    USER_NOPTE_VA, 0, v);
		check_fault("user_nopte_write", probe_write(USER_NOPTE_VA, i),
			    USER_NOPTE_VA, PF_WRITE, v);
	}
	irq_disable();
	report_eq("every_round_alike", bad, 0);
	return report_summary();
}
