// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 touching pages the guest has not mapped: the host must deliver a
 * #PF to the guest as the CPU would, with the address in lguest_data.cr2 and
 * the error code user|not-present, plus write for a store; the frame points
 * at the faulting instruction; the interrupt gate clears the virtual IF while
 * the pushed eflags show it on.  Both a missing PTE and a missing page table
 * are tried, and finally a handler that maps the page and lets user space
 * carry on, as a kernel's fault handler would.
 */
#include "fault_case.h"
#include "idt.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* A table exists for USER_DATA_VA (created below); none for FAR_VA. */
#define NEAR_VA		(USER_DATA_VA + 5 * PAGE_SIZE)
#define FAR_VA		(USER_DATA_VA + 4 * PT_SPAN + 0x123 * 4)
#define FIX_VA		(USER_DATA_VA + 9 * PAGE_SIZE + 8)

static void check_fault(const char *what, const char *snippet,
			const char *insn, u32 va, u32 want_error)
{
	const struct trap_frame *f = &user_exit_info.frame;
	u32 vector = user_call(snippet, va, 0x600d);

	report_eq(report_name(what, "vector"), vector, VEC_PF);
	report_eq(report_name(what, "cr2"), user_exit_info.cr2, va);
	report_eq(report_name(what, "error"), f->error, want_error);
	report_eq(report_name(what, "cs"), f->cs, LGUEST_USER_CS);
	report_eq(report_name(what, "eip"), f->eip, user_va(insn));
	report_eq(report_name(what, "ss"), f->user_ss, LGUEST_USER_DS);
	report_eq(report_name(what, "esp"), f->user_esp, USER_STACK_TOP);
	report(f->eflags & X86_EFLAGS_IF, report_name(what, "pushed_if"),
	       "eflags 0x%x: IF should show user space's virtual IF (on)",
	       f->eflags);
	report_eq(report_name(what, "gate_cleared_if"),
		  user_exit_info.irq_enabled, 0);
}

int main(void)
{
	trap_set_handler(VEC_PF, user_exit);
	/* A table with every entry empty: the PTE is what is missing. */
	pt_entry(NEAR_VA, true);

	check_fault("pte_read", user_load, user_load_insn, NEAR_VA, PF_USER);
	check_fault("pte_write", user_store, user_store_insn, NEAR_VA,
		    PF_USER | PF_WRITE);
	check_fault("pde_read", user_load, user_load_insn, FAR_VA, PF_USER);
	check_fault("pde_write", user_store, user_store_insn, FAR_VA,
		    PF_USER | PF_WRITE);
	fault_check_fix_and_continue(FIX_VA, 0xfeedbeef);
	return report_summary();
}
