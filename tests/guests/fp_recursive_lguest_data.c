// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case g: the shared page missing from the shadow.  User space runs
 * with the virtual IF on, set before LHCALL_FLUSH_TLB(1) dropped every
 * shadow entry; then the kernel touched again everything the Switcher's
 * walk uses but lguest_data (the page directory, the page tables, the
 * kernel stack), and entered ring 3 without going near lguest_data (bare
 * user_enter(): no irq_enable()).  Ring 3 reads a not-present page.  In
 * the fastpath build the walk succeeds, and reading the virtual IF from
 * lguest_data faults ("recursive"): the Switcher hands the original fault
 * to the host, which reflects it, cr2 and the cleared IF in lguest_data.
 * A control run touches lguest_data too and is reflected by the Switcher
 * alone.
 *
 * The guest must not see the difference: the same #PF (cr2, error 4, the
 * instruction, user cs/ss/esp/registers, the frame at the stack's top,
 * the virtual IF) every time, in both builds.
 */
#define MISSING		SHARED_PAGE
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

/* The pages the Switcher reads or writes to reflect a fault at VA. */
enum walked_page { PAGE_DIRECTORY, PAGE_TABLE, SHARED_PAGE, KERNEL_STACK };

static u32 pgdir_kva, table_kva, code_table_kva, stack_kva, data_kva;

static void touch(u32 kva)
{
	(void)READ_ONCE(*(volatile const u32 *)kva);
}

/*
 * Drops every shadow entry, brings back those the walk needs but the one
 * under test (unless control), and lets ring 3 fault at VA.  Between the
 * flush and ring 3 the kernel touches nothing else the walk needs: its
 * code, its boot stack and the variables of user_enter() only.
 */
static void check_reflected(const char *what, bool control)
{
	const struct trap_frame *f = &user_exit_info.frame;
	struct user_regs r = {
		.eax = 0x0a0a0a0a, .ebx = VA, .ecx = 0x0c0c0c0c,
		.edx = 0x0d0d0d0d, .esi = 0x05050505, .edi = 0x0e0e0e0e,
		.ebp = 0x0b0b0b0b, .eip = user_va(user_load),
		.esp = USER_STACK_TOP - 8,
	};
	u32 vector;

	irq_enable();
	hcall1(LHCALL_FLUSH_TLB, 1);
	touch(pgdir_kva);
	touch(code_table_kva);
	if (control || MISSING != PAGE_TABLE)
		touch(table_kva);
	if (control || MISSING != SHARED_PAGE)
		touch(data_kva);
	if (control || MISSING != KERNEL_STACK)
		touch(stack_kva);
	vector = user_enter(&r);

	report_eq(report_name(what, "vector"), vector, VEC_PF);
	report_eq(report_name(what, "cr2"), user_exit_info.cr2, VA);
	report_eq(report_name(what, "error"), f->error, PF_USER);
	report_eq(report_name(what, "eip"), f->eip, user_va(user_load_insn));
	report_eq(report_name(what, "cs"), f->cs, LGUEST_USER_CS);
	report_eq(report_name(what, "ss"), f->user_ss, LGUEST_USER_DS);
	report_eq(report_name(what, "esp"), f->user_esp, r.esp);
	report_eq(report_name(what, "eflags"), f->eflags, X86_EFLAGS_IF | 0x2);
	report_eq(report_name(what, "handler_if"), user_exit_info.irq_enabled,
		  0);
	report_eq(report_name(what, "frame_at_stack_top"),
		  user_exit_info.frame_addr +
			  (u32)offsetof(struct trap_frame, error),
		  stack_kva + 4 - 24);
	report(f->eax == r.eax && f->ebx == r.ebx && f->ecx == r.ecx &&
	       f->edx == r.edx && f->esi == r.esi && f->edi == r.edi &&
	       f->ebp == r.ebp, report_name(what, "registers"),
	       "eax %x ebx %x ecx %x edx %x esi %x edi %x ebp %x", f->eax,
	       f->ebx, f->ecx, f->edx, f->esi, f->edi, f->ebp);
}

int main(void)
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
		check_reflected(name, false);
		snprintf(name, sizeof(name), "control%u", i);
		check_reflected(name, true);
	}
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top());
	return report_summary();
}
