// SPDX-License-Identifier: GPL-2.0
/*
 * The checks shared by the page-fault guests; see fault_case.h.
 */
#include "desc.h"
#include "fault_case.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "printf.h"
#include "probe.h"
#include "pt.h"
#include "report.h"

static unsigned int unexpected_faults;

void fault_unexpected(struct trap_frame *f)
{
	unexpected_faults++;
	user_exit(f);
}

static void check_no_fault(const char *what, u32 vector)
{
	report(vector == VEC_SYSCALL && unexpected_faults == 0,
	       report_name(what, "no_guest_fault"),
	       "vector %u, %u guest page faults (cr2 0x%x, error 0x%x)", vector,
	       unexpected_faults, user_exit_info.cr2, user_exit_info.frame.error);
}

void fault_check_no_fault_load(const char *what, u32 va, u32 want)
{
	check_no_fault(what, user_call(user_load, va + 16, 0));
	report_eq(report_name(what, "value"), user_exit_info.frame.eax, want);
}

void fault_check_no_fault_store(const char *what, u32 va, u32 *kva, u32 value)
{
	check_no_fault(what, user_call(user_store, va + 16, value));
	report_eq(report_name(what, "value"), READ_ONCE(kva[4]), value);
}

void fault_check_user(const char *what, u32 vector, const struct user_regs *r,
		      const struct user_fault_want *want)
{
	const struct trap_frame *f = &user_exit_info.frame;

	report_eq(report_name(what, "vector"), vector, VEC_PF);
	report_eq(report_name(what, "cr2"), user_exit_info.cr2, want->cr2);
	report_eq(report_name(what, "error"), f->error, want->error);
	report_eq(report_name(what, "eip"), f->eip, want->eip);
	report_eq(report_name(what, "cs"), f->cs, LGUEST_USER_CS);
	report_eq(report_name(what, "ss"), f->user_ss, LGUEST_USER_DS);
	report_eq(report_name(what, "esp"), f->user_esp, r->esp);
	report_eq(report_name(what, "eflags"), f->eflags, want->eflags);
	report_eq(report_name(what, "handler_if"), user_exit_info.irq_enabled,
		  want->handler_if);
	/* error, eip, cs, eflags, esp, ss: the six words below the top. */
	report_eq(report_name(what, "frame_at_stack_top"),
		  user_exit_info.frame_addr +
			  (u32)offsetof(struct trap_frame, error),
		  want->stack_top - 24);
	report(f->eax == r->eax && f->ebx == r->ebx && f->ecx == r->ecx &&
	       f->edx == r->edx && f->esi == r->esi && f->edi == r->edi &&
	       f->ebp == r->ebp, report_name(what, "registers"),
	       "eax %x ebx %x ecx %x edx %x esi %x edi %x ebp %x", f->eax,
	       f->ebx, f->ecx, f->edx, f->esi, f->edi, f->ebp);
}

const struct fault_case fault_cases[8] = {
	{ "read",			false,	true,	false },
	{ "write",			true,	true,	false },
	{ "read_trap_gate",		false,	true,	true },
	{ "write_trap_gate",		true,	true,	true },
	{ "read_if_off",		false,	false,	false },
	{ "write_if_off",		true,	false,	false },
	{ "read_if_off_trap_gate",	false,	false,	true },
	{ "write_if_off_trap_gate",	true,	false,	true },
};

void fault_check_case(const char *what, const struct fault_case *c, u32 va)
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
	struct user_fault_want want = {
		.cr2 = va,
		.error = PF_USER | (c->write ? PF_WRITE : 0),
		.eip = user_va(c->write ? user_store_insn : user_load_insn),
		.eflags = want_if | 0x2,
		/* An interrupt gate clears the virtual IF, a trap gate not. */
		.handler_if = c->trap_gate ? want_if : 0,
		.stack_top = trap_stack_top(),
	};

	if (c->trap_gate)
		idt_set_gate(VEC_PF, GATE_TRAP, 0);
	if (c->user_if)
		irq_enable();
	else
		irq_disable();
	vector = user_enter(&r);
	if (c->trap_gate)
		idt_set_gate(VEC_PF, GATE_INTERRUPT, 0);

	fault_check_user(what, vector, &r, &want);
	report(f->ds == LGUEST_USER_DS && f->es == LGUEST_USER_DS,
	       report_name(what, "segments"), "ds 0x%x es 0x%x", f->ds, f->es);
}

void fault_check_cases(const char *prefix, u32 va, unsigned int repeats)
{
	char name[48];
	unsigned int i, n;

	for (n = 0; n < repeats; n++)
		for (i = 0; i < ARRAY_SIZE(fault_cases); i++) {
			snprintf(name, sizeof(name), "%s%s%u", prefix,
				 fault_cases[i].name, n);
			fault_check_case(name, &fault_cases[i], va + n * 4);
		}
}

static u32 fix_page;
static unsigned int fixes;

/* Maps the page (page table first) and returns: the store is retried. */
static void fix_fault(struct trap_frame *f)
{
	u32 va = READ_ONCE(lguest_data.cr2);

	if (!trap_from_user(f) || (va & PAGE_MASK) != fix_page || fixes++)
		user_exit(f);
	pt_set(va, page_alloc() | PTE_USER_RW);
}

void fault_check_fix_and_continue(u32 fix_va, u32 value)
{
	u32 vector, pte;

	fix_page = fix_va & PAGE_MASK;
	fixes = 0;
	trap_set_handler(VEC_PF, fix_fault);
	vector = user_call(user_store, fix_va, value);
	trap_set_handler(VEC_PF, user_exit);
	report_eq("fixed_user_resumed", vector, VEC_SYSCALL);
	report_eq("fixed_handler_ran_once", fixes, 1);
	pte = pt_get(fix_va);
	if (report(pte & PTE_P, "fixed_store_landed", "no PTE at 0x%x", fix_va))
		report_eq("fixed_store_value",
			  *(u32 *)((u8 *)__va(pte & PAGE_MASK) +
				   (fix_va & ~PAGE_MASK)), value);
}

bool fault_kernel_ok(int ret, u32 va, u32 want_error)
{
	const struct probe_fault *p = &probe_last;

	return ret == -1 && p->vector == VEC_PF && p->cr2 == va &&
	       p->error == want_error && p->cs == LGUEST_KERNEL_CS &&
	       p->frame_error_addr == p->esp - 16 &&
	       (p->eflags & X86_EFLAGS_IF) && p->irq_enabled == 0;
}

void fault_check_kernel(const char *what, int ret, u32 va, u32 want_error)
{
	const struct probe_fault *p = &probe_last;

	if (!report(ret == -1, report_name(what, "faulted"),
		    "the access to 0x%x did not fault", va))
		return;
	report_eq(report_name(what, "vector"), p->vector, VEC_PF);
	report_eq(report_name(what, "cr2"), p->cr2, va);
	report_eq(report_name(what, "error"), p->error, want_error);
	report_eq(report_name(what, "cs"), p->cs, LGUEST_KERNEL_CS);
	/* eflags, cs, eip, error code: four words below the faulting %esp. */
	report_eq(report_name(what, "frame_on_current_stack"),
		  p->frame_error_addr, p->esp - 16);
	report(p->eflags & X86_EFLAGS_IF, report_name(what, "pushed_if"),
	       "eflags 0x%x: the kernel faulted with the virtual IF on",
	       p->eflags);
	report_eq(report_name(what, "gate_cleared_if"), p->irq_enabled, 0);
}

void fault_check_snippet(const char *what, const char *snippet,
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
