// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: ring 3 running in a conforming code segment of ours
 * touches a page we mapped but the host has not shadowed yet.  The host
 * fills the shadow, and then will not return to a conforming segment
 * (valid_guest_regs()): it kills us.  The exitless build's Switcher fills
 * such entries itself and once returned to the faulting instruction
 * unchecked, so we survived under it alone.  Every build must kill us.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define VA		(USER_DATA_VA + 2 * PT_SPAN)
#define OWN_CS_SLOT	20

int main(void)
{
	struct desc seg = desc_conforming(desc_code(0xffffffff, 1));
	struct user_regs r = { 0 };
	u32 vector;

	trap_set_handler(VEC_PF, user_exit);
	/* A page touched from ring 3: the shadow now has the table. */
	pt_set(VA, page_alloc() | PTE_USER_RW);
	vector = user_call(user_load, VA, 0);
	report_eq("first_touch_ended_in_syscall", vector, VEC_SYSCALL);

	/* Mapped, but never used: the host shadows it on the first touch. */
	pt_set(VA + PAGE_SIZE, page_alloc() | PTE_P | PTE_W | PTE_U);
	hcall3(LHCALL_LOAD_GDT_ENTRY, OWN_CS_SLOT, seg.lo, seg.hi);
	r.eip = user_va(user_load);
	r.esp = USER_STACK_TOP;
	r.ebx = VA + PAGE_SIZE;
	report_info("ring 3 in a conforming code segment: the host must kill us");
	irq_enable();
	vector = ring_enter(&r, gdt_selector(OWN_CS_SLOT, 3), LGUEST_USER_DS);
	report(false, "killed", "ring 3 ran on in a conforming segment (vector %u)",
	       vector);
	return report_summary();
}
