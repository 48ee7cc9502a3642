// SPDX-License-Identifier: GPL-2.0
/*
 * The Switcher is assembly and cannot see C structures: Kbuild turns these
 * definitions into lg-offsets.h, so the assembly always matches the C.
 */
#define COMPILE_OFFSETS
#include <linux/kbuild.h>
#include "lg.h"

void lg_offsets(void);
void lg_offsets(void)
{
	OFFSET(LGUEST_PAGES_host_cr3, lguest_pages, state.host_cr3);
	OFFSET(LGUEST_PAGES_host_cr4, lguest_pages, state.host_cr4);
	OFFSET(LGUEST_PAGES_host_sp, lguest_pages, state.host_sp);
	OFFSET(LGUEST_PAGES_host_gdt_desc, lguest_pages, state.host_gdt_desc);
	OFFSET(LGUEST_PAGES_host_idt_desc, lguest_pages, state.host_idt_desc);
	OFFSET(LGUEST_PAGES_guest_cr3, lguest_pages, state.guest_cr3);
	OFFSET(LGUEST_PAGES_guest_cr4, lguest_pages, state.guest_cr4);
	OFFSET(LGUEST_PAGES_guest_gdt_desc, lguest_pages, state.guest_gdt_desc);
	OFFSET(LGUEST_PAGES_guest_idt_desc, lguest_pages, state.guest_idt_desc);
	OFFSET(LGUEST_PAGES_guest_gdt, lguest_pages, state.guest_gdt);
	OFFSET(LGUEST_PAGES_regs, lguest_pages, regs);
	DEFINE(LGUEST_TSS_SEL, LGUEST_GDT_TSS * 8);
	DEFINE(LGUEST_SWITCHER_DS_SEL, LGUEST_GDT_SWITCHER_DS * 8);
}
