// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: a present page-directory entry with the large-page bit
 * (which the host hides from the guest), inside guest memory, then a
 * ring-3 access through it.  The baseline host refuses it when it walks
 * the tables; the fastpath Switcher refuses to follow it (fallback reason
 * BAD_TABLE) and hands the fault to the host: "bad page table" in both.
 *
 * The 4 MiB frame's first page is zero and in the shadow (the kernel reads
 * it first), so a Switcher that took the entry for a page table would read
 * a not-present entry there and reflect the fault instead.
 */
#include "idt.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define VA	(USER_DATA_VA + 2 * PT_SPAN + 0x123 * PAGE_SIZE)	/* no table yet */
#define FRAME	0x00400000u	/* guest-physical, 4 MiB aligned */

int main(void)
{
	const u32 *decoy = (const u32 *)__va(FRAME) + ((VA >> 12) & 1023);
	u32 vector;

	trap_set_handler(VEC_PF, user_exit);
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	if (READ_ONCE(*decoy) & PTE_P)
		report_abort("the word at gpa 0x%x is not zero", __pa(decoy));
	report_info("a 4 MiB page at gpa 0x%x for 0x%x, touched from ring 3: the host must kill us",
		    FRAME, VA);
	pt_set_pde(VA >> PDE_SHIFT, FRAME | PDE_TABLE | PTE_PSE | PTE_D);
	vector = user_call(user_load, VA, 0);
	report(false, "killed", "survived: vector %u, cr2 0x%x, error 0x%x",
	       vector, user_exit_info.cr2, user_exit_info.frame.error);
	return report_summary();
}
