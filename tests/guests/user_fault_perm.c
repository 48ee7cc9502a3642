// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 breaking the guest's page permissions: a store to a read-only user
 * page, and loads and stores on the kernel's own pages.  The host must not
 * fix these; it delivers a #PF with present set in the error code (7 for a
 * user write, 5 for a user read), cr2, and the faulting instruction.
 */
#include "fault_case.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define RO_VA	(USER_DATA_VA + 2 * PAGE_SIZE)

/* Kernel data the launcher mapped kernel-only: user space must not see it. */
static u32 kernel_word = 0x4b4b4b4b;

int main(void)
{
	u32 pa = page_alloc();
	u32 *kva = __va(pa);

	kva[0] = 0x0dd0;
	pt_set(RO_VA, pa | PTE_P | PTE_U | PTE_A);
	trap_set_handler(VEC_PF, user_exit);

	/* Reading is allowed. */
	report_eq("readonly_read", user_call(user_load, RO_VA, 0), VEC_SYSCALL);
	report_eq("readonly_read_value", user_exit_info.frame.eax, 0x0dd0);

	fault_check_snippet("readonly_write", user_store, user_store_insn, RO_VA,
			    PF_PRESENT | PF_WRITE | PF_USER);
	report_eq("readonly_write_no_change", kva[0], 0x0dd0);

	/* Twice: the first refusal must not have left a writable shadow. */
	fault_check_snippet("readonly_write_again", user_store, user_store_insn, RO_VA,
			    PF_PRESENT | PF_WRITE | PF_USER);

	fault_check_snippet("kernel_read", user_load, user_load_insn, (u32)&kernel_word,
			    PF_PRESENT | PF_USER);
	fault_check_snippet("kernel_write", user_store, user_store_insn,
			    (u32)&kernel_word, PF_PRESENT | PF_WRITE | PF_USER);
	report_eq("kernel_write_no_change", READ_ONCE(kernel_word), 0x4b4b4b4b);
	return report_summary();
}
