// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case a: ring 3 reads and writes an address whose page-directory
 * entry is not present.  The fastpath build's Switcher reflects these
 * itself (the host test checks fastpath_reflected, and faults_reflected
 * staying 0); the baseline host reflects them.  Either way the guest must
 * see what the CPU would give it: #PF, cr2, error 4 (read) or 6 (write),
 * the faulting instruction, the user's cs, ss, esp and registers, the
 * frame at the top of the LHCALL_SET_STACK stack, the pushed eflags showing
 * user space's virtual IF, and the virtual IF in the handler cleared by an
 * interrupt gate and left alone by a trap gate.  A not-present entry whose
 * other bits are junk (a table beyond memory, the large-page bit) is still
 * just not present.  Finally a handler that maps the page lets the store
 * complete.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "printf.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* No page table here (checked). */
#define VA		(USER_DATA_VA + 6 * PT_SPAN + 0x3a5 * PAGE_SIZE + 0x7c4)
#define FIX_VA		(USER_DATA_VA + 9 * PT_SPAN + 0x10 * PAGE_SIZE + 0x20)
/* P clear, every other bit set: a "table" far beyond memory, PSE, U, W. */
#define JUNK_PDE	0xfffff0feu
#define REPEATS		4

struct fault_case {
	const char *name;
	bool write;		/* store instead of load */
	bool user_if;		/* user space runs with the virtual IF on */
	bool trap_gate;		/* vector 14 registered as a trap gate */
};

static const struct fault_case cases[] = {
	{ "read",			false,	true,	false },
	{ "write",			true,	true,	false },
	{ "read_trap_gate",		false,	true,	true },
	{ "write_trap_gate",		true,	true,	true },
	{ "read_if_off",		false,	false,	false },
	{ "write_if_off",		true,	false,	false },
	{ "read_if_off_trap_gate",	false,	false,	true },
	{ "write_if_off_trap_gate",	true,	false,	true },
};

static unsigned int fixes;

/* Runs one user access at va; checks everything the guest can see. */
static void check_fault(const char *what, const struct fault_case *c, u32 va)
{
	const struct trap_frame *f = &user_exit_info.frame;
	struct user_regs r = {
		.eax = 0xa1a2a3a4, .ebx = va, .ecx = 0xc1c2c3c4,
		.edx = 0xd1d2d3d4, .esi = 0x51525354, .edi = 0xe1e2e3e4,
		.ebp = 0xb1b2b3b4,
		.eip = user_va(c->write ? user_store : user_load),
		.esp = USER_STACK_TOP - 0x44,
	};
	u32 vector, want_if = c->user_if ? X86_EFLAGS_IF : 0;

	if (c->trap_gate)
		idt_set_gate(VEC_PF, GATE_TRAP, 0);
	if (c->user_if)
		irq_enable();
	else
		irq_disable();
	vector = user_enter(&r);
	if (c->trap_gate)
		idt_set_gate(VEC_PF, GATE_INTERRUPT, 0);

	report_eq(report_name(what, "vector"), vector, VEC_PF);
	report_eq(report_name(what, "cr2"), user_exit_info.cr2, va);
	report_eq(report_name(what, "error"), f->error,
		  PF_USER | (c->write ? PF_WRITE : 0));
	report_eq(report_name(what, "eip"), f->eip,
		  user_va(c->write ? user_store_insn : user_load_insn));
	report_eq(report_name(what, "cs"), f->cs, LGUEST_USER_CS);
	report_eq(report_name(what, "ss"), f->user_ss, LGUEST_USER_DS);
	report_eq(report_name(what, "esp"), f->user_esp, r.esp);
	report_eq(report_name(what, "eflags"), f->eflags, want_if | 0x2);
	report_eq(report_name(what, "handler_if"), user_exit_info.irq_enabled,
		  c->trap_gate ? want_if : 0);
	report_eq(report_name(what, "frame_at_stack_top"),
		  user_exit_info.frame_addr +
			  (u32)offsetof(struct trap_frame, error),
		  trap_stack_top() - 24);
	report(f->eax == r.eax && f->ebx == r.ebx && f->ecx == r.ecx &&
	       f->edx == r.edx && f->esi == r.esi && f->edi == r.edi &&
	       f->ebp == r.ebp, report_name(what, "registers"),
	       "eax %x ebx %x ecx %x edx %x esi %x edi %x ebp %x", f->eax,
	       f->ebx, f->ecx, f->edx, f->esi, f->edi, f->ebp);
	report(f->ds == LGUEST_USER_DS && f->es == LGUEST_USER_DS,
	       report_name(what, "segments"), "ds 0x%x es 0x%x", f->ds, f->es);
}

/* Maps the page (page table first) and returns: the store is retried. */
static void fix_fault(struct trap_frame *f)
{
	u32 va = READ_ONCE(lguest_data.cr2);

	if (!trap_from_user(f) || (va & PAGE_MASK) != (FIX_VA & PAGE_MASK) ||
	    fixes++)
		user_exit(f);
	pt_set(va, page_alloc() | PTE_USER_RW);
}

static void check_fix_and_continue(void)
{
	u32 vector, pte;

	if (pt_entry(FIX_VA, false))
		report_abort("0x%x unexpectedly has a page table", FIX_VA);
	trap_set_handler(VEC_PF, fix_fault);
	vector = user_call(user_store, FIX_VA, 0x5ca1ab1e);
	trap_set_handler(VEC_PF, user_exit);
	report_eq("fixed_user_resumed", vector, VEC_SYSCALL);
	report_eq("fixed_handler_ran_once", fixes, 1);
	pte = pt_get(FIX_VA);
	if (report(pte & PTE_P, "fixed_store_landed", "no PTE at 0x%x", FIX_VA))
		report_eq("fixed_store_value",
			  *(u32 *)((u8 *)__va(pte & PAGE_MASK) +
				   (FIX_VA & ~PAGE_MASK)), 0x5ca1ab1e);
}

int main(void)
{
	char name[48];
	unsigned int i, n;

	trap_set_handler(VEC_PF, user_exit);
	if (pt_entry(VA, false))
		report_abort("0x%x unexpectedly has a page table", VA);
	/* Sets user space up (code and stack pages) once. */
	user_call(user_trap, 0, 0);

	for (n = 0; n < REPEATS; n++)
		for (i = 0; i < ARRAY_SIZE(cases); i++) {
			snprintf(name, sizeof(name), "%s%u", cases[i].name, n);
			check_fault(name, &cases[i], VA + n * 4);
		}

	pt_set_pde(VA >> PDE_SHIFT, JUNK_PDE);
	check_fault("junk_pde_read", &cases[0], VA);
	check_fault("junk_pde_write", &cases[1], VA);
	pt_set_pde(VA >> PDE_SHIFT, 0);

	check_fix_and_continue();
	return report_summary();
}
