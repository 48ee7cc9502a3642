// SPDX-License-Identifier: GPL-2.0
/*
 * The launcher's LDT as a way to ring 0 (run by tests/abi/ldt_launcher,
 * whose LDT is loaded when it enters the host).
 *
 * The LDT register holds a linear address, a page of the host's kernel.
 * Were it left loaded while we run, the CPU would read our LDT
 * selectors' descriptors through our page tables, from whatever page we
 * map at that address.  We do not know the address, so we map one page
 * of call gates at every page we can (every 4 MiB slot outside our own
 * memory and the Switcher's), each gate leading to our code through the
 * Switcher's ring-0 code segment.  Then LDT selector 0x7 is a gate into
 * ring 0.  The host must run us with no LDT at all: the far call, and a
 * data segment load of the same selector, must fault with #GP(0x4).
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"

#define LDT_SELECTOR	0x7		/* LDT entry 0, RPL 3 (as in the asm) */
#define SWITCHER_CS	(LGUEST_GDT_SWITCHER_CS * 8)
#define CALL_GATE_DPL3	0xec00		/* present, DPL 3, 32-bit call gate */

extern const char ldt_call_insn[], ldt_load_insn[], ldt_failed[];
extern void ring0_target(void);
int ldt_call(void);
int ldt_load(void);

/* Set only if the gate worked: then we ran at ring 0. */
u32 ring0_reached, ring0_cr3;

asm(".text\n"
    "ldt_call:\n"
    "ldt_call_insn:\n"
    "	lcall $0x7, $0\n"
    "	xorl %eax, %eax\n"
    "	ret\n"
    "ldt_load:\n"
    "	movl $0x7, %eax\n"
    "ldt_load_insn:\n"
    "	movw %ax, %fs\n"
    "	xorl %eax, %eax\n"
    "	movw %ax, %fs\n"
    "	ret\n"
    "ldt_failed:\n"
    "	movl $-1, %eax\n"
    "	ret\n"
    /* Reached through the gate, at ring 0: take a trophy and go back. */
    "ring0_target:\n"
    "	movl %cr3, %eax\n"
    "	movl %eax, ring0_cr3\n"
    "	movl $1, ring0_reached\n"
    "	lret\n");

static u32 gp_error, gp_eip;

static void gp_handler(struct trap_frame *f)
{
	if (f->eip != (u32)ldt_call_insn && f->eip != (u32)ldt_load_insn)
		report_abort("#GP(0x%x) at 0x%x", f->error, f->eip);
	gp_error = f->error;
	gp_eip = f->eip;
	f->eip = (u32)ldt_failed;
}

/* A page of call gates into the Switcher's code segment, at our target. */
static u32 gate_page(void)
{
	u32 pa = page_alloc(), *gates = __va(pa), off = (u32)ring0_target;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i += 2) {
		gates[i] = SWITCHER_CS << 16 | (off & 0xffff);
		gates[i + 1] = (off & 0xffff0000) | CALL_GATE_DPL3;
	}
	return pa;
}

int main(void)
{
	u32 sw = 0u - lguest_data.reserve_mem, gates = gate_page();
	u32 table = page_alloc(), *ptes = __va(table);
	unsigned int i, first_mine = LGUEST_PAGE_OFFSET >> PDE_SHIFT;
	unsigned int end_mine = (LGUEST_PAGE_OFFSET + boot_info->mem_size +
				 PT_SPAN - 1) >> PDE_SHIFT;
	int r;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		ptes[i] = gates | PTE_P | PTE_A;
	for (i = 0; i < (sw >> PDE_SHIFT); i++)
		if (i < first_mine || i >= end_mine)
			pt_set_pde(i, table | PTE_P | PTE_W | PTE_A);
	hcall1(LHCALL_FLUSH_TLB, 1);
	trap_set_handler(VEC_GP, gp_handler);

	r = ldt_call();
	report(r == -1 && !ring0_reached, "lcall_through_ldt_faults",
	       "far call returned %d, ring 0 %s (cr3 0x%x)", r,
	       ring0_reached ? "REACHED" : "not reached", ring0_cr3);
	report_eq("lcall_gp_error", gp_error, LDT_SELECTOR & ~3u);
	r = ldt_load();
	report(r == -1, "ldt_segment_load_faults", "load returned %d", r);
	report_eq("load_gp_error", gp_error, LDT_SELECTOR & ~3u);
	report_eq("load_gp_eip", gp_eip, (u32)ldt_load_insn);
	return report_summary();
}
