// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case b: ring 3 reads and writes an address whose page-directory
 * entry is present (a page table exists) but whose page-table entry is
 * not.  The fastpath build's Switcher reflects these itself (the host
 * test checks fastpath_reflected, and faults_reflected staying 0); the
 * baseline host reflects them.  Either way the guest must
 * see what the CPU would give it: #PF, cr2, error 4 (read) or 6 (write),
 * the faulting instruction, the user's cs, ss, esp and registers, the
 * frame at the top of the LHCALL_SET_STACK stack, the pushed eflags showing
 * user space's virtual IF, and the virtual IF in the handler cleared by an
 * interrupt gate and left alone by a trap gate.  A not-present entry whose
 * other bits are junk (a frame far beyond memory) is still just not
 * present, and so is one under a page-directory entry that denies user
 * access and writes (the walk stops at the missing entry).  An instruction
 * fetch from the missing page is a not-present fault at the fetched eip.
 * Finally a handler that maps the page lets the store complete.
 */
#include "fault_case.h"
#include "idt.h"
#include "irq.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* A page table is made for VA and FIX_VA, with their entries empty. */
#define VA		(USER_DATA_VA + 5 * PT_SPAN + 0x1c3 * PAGE_SIZE + 0x9c)
#define FIX_VA		(USER_DATA_VA + 5 * PT_SPAN + 0x2d0 * PAGE_SIZE + 0x40)
/* P clear, every other bit set: a frame far beyond memory, U, W, A, D. */
#define JUNK_PTE	0xfffffffeu
#define REPEATS		4

/*
 * User space jumps to the missing page.  The error code is user and
 * not-present; the host's CPU may add the instruction-fetch bit (0x10),
 * which it reports whenever its own SMEP is on: we show it, both builds
 * pass the CPU's code through.
 */
static void check_fetch(void)
{
	const struct trap_frame *f = &user_exit_info.frame;
	struct user_regs r = { .eip = VA, .esp = USER_STACK_TOP };
	u32 vector;

	irq_enable();
	vector = user_enter(&r);
	report_eq("fetch_vector", vector, VEC_PF);
	report_eq("fetch_cr2", user_exit_info.cr2, VA);
	report_eq("fetch_eip", f->eip, VA);
	report_eq("fetch_error", f->error & ~0x10u, PF_USER);
	report_info("instruction fetch error code 0x%x", f->error);
	report_eq("fetch_handler_if", user_exit_info.irq_enabled, 0);
}

int main(void)
{
	u32 pde;

	trap_set_handler(VEC_PF, user_exit);
	/* The table, every entry empty. */
	pt_entry(VA, true);
	/* Sets user space up (code and stack pages) once. */
	user_call(user_trap, 0, 0);

	fault_check_cases("", VA, REPEATS);

	pt_set(VA, JUNK_PTE);
	fault_check_case("junk_pte_read", FAULT_READ, VA);
	fault_check_case("junk_pte_write", FAULT_WRITE, VA);
	pt_set(VA, 0);

	/* A table under a kernel-only, read-only entry: still not present. */
	pde = ((u32 *)__va(pt_pgdir()))[VA >> PDE_SHIFT];
	pt_set_pde(VA >> PDE_SHIFT, pde & ~(u32)(PTE_U | PTE_W));
	fault_check_case("kernel_pde_read", FAULT_READ, VA);
	fault_check_case("kernel_pde_write", FAULT_WRITE, VA);
	pt_set_pde(VA >> PDE_SHIFT, pde);

	check_fetch();

	fault_check_fix_and_continue(FIX_VA, 0x5ca1ab1e);
	return report_summary();
}
