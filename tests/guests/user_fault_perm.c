// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 breaking the guest's page permissions: a store to a read-only user
 * page, and loads and stores on the kernel's own pages.  The host must not
 * fix these; it delivers a #PF with present set in the error code (7 for a
 * user write, 5 for a user read), cr2, and the faulting instruction.
 */
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define RO_VA	(USER_DATA_VA + 2 * PAGE_SIZE)

/* Kernel data the launcher mapped kernel-only: user space must not see it. */
static u32 kernel_word = 0x4b4b4b4b;

static void check_fault(const char *what, const char *snippet,
			const char *insn, u32 va, u32 want_error)
{
	u32 vector = user_call(snippet, va, 0xbad);

	report_eq(report_name(what, "vector"), vector, VEC_PF);
	report_eq(report_name(what, "cr2"), user_exit_info.cr2, va);
	report_eq(report_name(what, "error"), user_exit_info.frame.error,
		  want_error);
	report_eq(report_name(what, "eip"), user_exit_info.frame.eip,
		  user_va(insn));
	report_eq(report_name(what, "cs"), user_exit_info.frame.cs,
		  LGUEST_USER_CS);
}

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

	check_fault("readonly_write", user_store, user_store_insn, RO_VA,
		    PF_PRESENT | PF_WRITE | PF_USER);
	report_eq("readonly_write_no_change", kva[0], 0x0dd0);

	/* Twice: the first refusal must not have left a writable shadow. */
	check_fault("readonly_write_again", user_store, user_store_insn, RO_VA,
		    PF_PRESENT | PF_WRITE | PF_USER);

	check_fault("kernel_read", user_load, user_load_insn, (u32)&kernel_word,
		    PF_PRESENT | PF_USER);
	check_fault("kernel_write", user_store, user_store_insn,
		    (u32)&kernel_word, PF_PRESENT | PF_WRITE | PF_USER);
	report_eq("kernel_write_no_change", READ_ONCE(kernel_word), 0x4b4b4b4b);
	return report_summary();
}
