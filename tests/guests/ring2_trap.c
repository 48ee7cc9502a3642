// SPDX-License-Identifier: GPL-2.0
/*
 * A trap from ring 2.  The guest kernel loads a DPL-2 code and a DPL-2
 * stack segment into free GDT slots, irets into ring 2 (cs and ss with
 * RPL 2) and traps back: int3 through a DPL-3 #BP gate, then a read of a
 * not-present page.  As the CPU would, the host must switch to the ring-1
 * stack (LHCALL_SET_STACK) for a trap from any outer ring, not only ring 3,
 * and push ss, esp, eflags, cs and eip of ring 2 there (plus the error code
 * for the #PF).  Ring 2 is a supervisor ring to paging: the #PF's error
 * code has no user bit, and the M:012 fastpath, which reflects ring-3
 * faults only, must leave it to the host.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define VEC_BP		3
/* Free GDT slots: 10-16 and 31 are the host's, 6-8 the TLS. */
#define RING2_CS_SLOT	17
#define RING2_DS_SLOT	18
#define RING2_CS	(RING2_CS_SLOT * 8 + 2)
#define RING2_DS	(RING2_DS_SLOT * 8 + 2)
/* Kernel-only (ring 2 is no user), with a page table but no entry. */
#define NOTPRESENT_VA	0x30800000u

/*
 * The ring-2 code, in the kernel image: paging lets ring 2, a supervisor
 * ring, run and read kernel pages.
 */
extern const char ring2_int3[], ring2_int3_insn[], ring2_load[],
	ring2_load_insn[];
asm(".text\n"
    ".globl ring2_int3, ring2_int3_insn, ring2_load, ring2_load_insn\n"
    "ring2_int3:\n"
    "	nop\n"
    "ring2_int3_insn:\n"
    "	int3\n"
    "	ud2\n"
    "ring2_load:\n"
    "	nop\n"
    "ring2_load_insn:\n"
    "	movl (%ebx), %eax\n"
    "	ud2\n");

static void check_frame(const char *what, u32 vector, u32 want_vector,
			u32 want_eip, const struct user_regs *r)
{
	const struct trap_frame *f = &user_exit_info.frame;

	report_eq(report_name(what, "vector"), vector, want_vector);
	report_eq(report_name(what, "cs"), f->cs, RING2_CS);
	report_eq(report_name(what, "eip"), f->eip, want_eip);
	/* The virtual IF was on in ring 2; bit 1 is always set. */
	report_eq(report_name(what, "eflags"), f->eflags, X86_EFLAGS_IF | 0x2);
	report_eq(report_name(what, "ss"), f->user_ss, RING2_DS);
	report_eq(report_name(what, "esp"), f->user_esp, r->esp);
	/* eip, cs, eflags, esp, ss: the five words at the ring-1 stack's top. */
	report_eq(report_name(what, "frame_on_ring1_stack"),
		  user_exit_info.frame_addr +
			  (u32)offsetof(struct trap_frame, eip),
		  trap_stack_top() - 20);
	report(f->eax == r->eax && f->ebx == r->ebx && f->ecx == r->ecx &&
	       f->edx == r->edx && f->esi == r->esi && f->edi == r->edi &&
	       f->ebp == r->ebp, report_name(what, "registers"),
	       "eax %x ebx %x ecx %x edx %x esi %x edi %x ebp %x", f->eax,
	       f->ebx, f->ecx, f->edx, f->esi, f->edi, f->ebp);
	report(f->ds == RING2_DS && f->es == RING2_DS,
	       report_name(what, "segments"), "ds 0x%x es 0x%x", f->ds, f->es);
	report_eq(report_name(what, "handler_if"), user_exit_info.irq_enabled,
		  0);
}

int main(void)
{
	struct desc cs = desc_code(0xffffffff, 2), ds = desc_data(0, 0xffffffff, 2);
	u32 stack_top = (u32)__va(page_alloc()) + PAGE_SIZE;
	struct user_regs r = {
		.eax = 0x2a2a2a2a, .ebx = NOTPRESENT_VA, .ecx = 0x2c2c2c2c,
		.edx = 0x2d2d2d2d, .esi = 0x25252525, .edi = 0x2e2e2e2e,
		.ebp = 0x2b2b2b2b, .eip = (u32)ring2_int3,
		.esp = stack_top - 12,
	};
	u32 vector;

	hcall3(LHCALL_LOAD_GDT_ENTRY, RING2_CS_SLOT, cs.lo, cs.hi);
	hcall3(LHCALL_LOAD_GDT_ENTRY, RING2_DS_SLOT, ds.lo, ds.hi);
	/* int3 from ring 2 needs a gate of DPL 2 or more. */
	idt_set_gate(VEC_BP, GATE_INTERRUPT, 3);
	trap_set_handler(VEC_BP, user_exit);
	trap_set_handler(VEC_PF, user_exit);

	/* Ring 2 runs with the virtual IF on, as user space does. */
	irq_enable();
	vector = ring_enter(&r, RING2_CS, RING2_DS);
	/* A trap pushes the eip after int3, as the CPU does. */
	check_frame("int3", vector, VEC_BP, (u32)ring2_int3_insn + 1, &r);

	pt_entry(NOTPRESENT_VA, true);
	r.eip = (u32)ring2_load;
	r.esp = stack_top - 40;
	irq_enable();
	vector = ring_enter(&r, RING2_CS, RING2_DS);
	check_frame("pf", vector, VEC_PF, (u32)ring2_load_insn, &r);
	report_eq("pf_cr2", user_exit_info.cr2, NOTPRESENT_VA);
	/* A supervisor read of a not-present page: no user bit. */
	report_eq("pf_error", user_exit_info.frame.error, 0);

	idt_set_gate(VEC_BP, GATE_INTERRUPT, 0);
	return report_summary();
}
