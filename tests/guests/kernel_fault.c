// SPDX-License-Identifier: GPL-2.0
/*
 * Faults in the guest kernel itself, at ring 1: reads and writes of kernel
 * addresses with no mapping (no PTE, and no page table at all), and a write
 * to a read-only kernel page.  The host delivers the #PF on the current stack
 * with no stack switch (eflags, cs, eip, error code right below the faulting
 * %esp), cs = LGUEST_KERNEL_CS and a supervisor error code.  The probes run
 * with the virtual IF on, so the frame must show it on and the interrupt
 * gate must turn it off.
 */
#include "fault_case.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "probe.h"
#include "pt.h"
#include "report.h"

/* Kernel-only, below the user region the library uses. */
#define NOPTE_VA	0x30000000u
#define RO_VA		(NOPTE_VA + PAGE_SIZE)

int main(void)
{
	/* Past the end of the kernel's map of memory: no page table there. */
	u32 nopde_va = LGUEST_PAGE_OFFSET + boot_info->mem_size + PT_SPAN;
	u32 pa = page_alloc(), val = 0;

	if (pt_entry(nopde_va, false))
		report_abort("0x%x unexpectedly has a page table", nopde_va);
	if (lguest_data.reserve_mem &&
	    nopde_va >= 0u - lguest_data.reserve_mem)
		report_abort("0x%x is in the host's reserved top", nopde_va);
	irq_enable();
	fault_check_kernel("nopde_read", probe_read(nopde_va, &val), nopde_va,
			   0);
	fault_check_kernel("nopde_write", probe_write(nopde_va, 1), nopde_va,
			   PF_WRITE);

	pt_entry(NOPTE_VA, true);
	fault_check_kernel("nopte_read", probe_read(NOPTE_VA, &val), NOPTE_VA,
			   0);
	fault_check_kernel("nopte_write", probe_write(NOPTE_VA, 1), NOPTE_VA,
			   PF_WRITE);

	*(u32 *)__va(pa) = 0x7777;
	pt_set(RO_VA, pa | PTE_P | PTE_A);
	report(probe_read(RO_VA, &val) == 0 && val == 0x7777, "readonly_read",
	       "read of a read-only kernel page: value 0x%x", val);
	fault_check_kernel("readonly_write", probe_write(RO_VA, 1), RO_VA,
			   PF_PRESENT | PF_WRITE);
	report_eq("readonly_write_no_change", *(u32 *)__va(pa), 0x7777);
	irq_disable();
	return report_summary();
}
