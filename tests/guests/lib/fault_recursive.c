// SPDX-License-Identifier: GPL-2.0
/*
 * The M:012 recursive cases (fp_recursive_*; see fault_case.h): a page the
 * Switcher's walk needs is missing from the shadow when ring 3 faults, so
 * the walk faults itself and the host reflects the original fault.  The
 * guest must not see the difference: the same #PF (cr2, error 4, the
 * instruction, user cs/ss/esp/registers, the frame at the stack's top, the
 * virtual IF) every time, in both builds.
 */
#include "fault_case.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "printf.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* A table of its own, every entry empty: the user access is not present. */
#define VA		(USER_DATA_VA + 7 * PT_SPAN + 0x155 * PAGE_SIZE + 0x328)
/*
 * Each way, this many times.  The host test wants, under the fastpath,
 * fastpath_fallback7 (RECURSIVE) and fastpath_reflected both exactly this.
 */
#define REPS		3

static u32 pgdir_kva, table_kva, code_table_kva, stack_kva, data_kva;

static void touch(u32 kva)
{
	(void)READ_ONCE(*(volatile const u32 *)kva);
}

/*
 * Drops every shadow entry, brings back those the walk needs but missing
 * (unless control), and lets ring 3 fault at VA.  Between the flush and
 * ring 3 the kernel touches nothing else the walk needs: its code, its
 * boot stack and the variables of user_enter() only.
 */
static void check_reflected(const char *what, enum walked_page missing,
			    bool control)
{
	struct user_regs r = {
		.eax = 0x0a0a0a0a, .ebx = VA, .ecx = 0x0c0c0c0c,
		.edx = 0x0d0d0d0d, .esi = 0x05050505, .edi = 0x0e0e0e0e,
		.ebp = 0x0b0b0b0b, .eip = user_va(user_load),
		.esp = USER_STACK_TOP - 8,
	};
	struct user_fault_want want = {
		.cr2 = VA,
		.error = PF_USER,
		.eip = user_va(user_load_insn),
		.eflags = X86_EFLAGS_IF | 0x2,
		.handler_if = 0,
		.stack_top = stack_kva + 4,
	};
	u32 vector;

	irq_enable();
	hcall1(LHCALL_FLUSH_TLB, 1);
	touch(pgdir_kva);
	touch(code_table_kva);
	if (control || missing != WALK_PAGE_TABLE)
		touch(table_kva);
	if (control || missing != WALK_SHARED_PAGE)
		touch(data_kva);
	if (control || missing != WALK_KERNEL_STACK)
		touch(stack_kva);
	vector = user_enter(&r);

	fault_check_user(what, vector, &r, &want);
}

int fault_recursive_main(enum walked_page missing)
{
	u32 stack_pa = page_alloc();
	char name[32];
	unsigned int i;

	trap_set_handler(VEC_PF, user_exit);
	/* A kernel stack page of its own, which nothing else shares. */
	stack_kva = (u32)__va(stack_pa) + PAGE_SIZE - 4;
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, stack_kva + 4);
	user_call(user_trap, 0, 0);	/* user space set up beforehand */

	pgdir_kva = (u32)__va(pt_pgdir()) + (VA >> PDE_SHIFT) * 4;
	table_kva = (u32)pt_entry(VA, true);
	code_table_kva = (u32)pt_entry(USER_CODE_VA, false);
	data_kva = (u32)&lguest_data.irq_enabled;
	if ((table_kva ^ code_table_kva) < PAGE_SIZE)
		report_abort("VA shares its page table with the user code");

	for (i = 0; i < REPS; i++) {
		snprintf(name, sizeof(name), "missing%u", i);
		check_reflected(name, missing, false);
		snprintf(name, sizeof(name), "control%u", i);
		check_reflected(name, missing, true);
	}
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top());
	return report_summary();
}
