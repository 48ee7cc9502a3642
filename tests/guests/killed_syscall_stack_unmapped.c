// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: a DPL-3 trap gate for int $0x80, which lg.ko's
 * direct_syscalls=1 would give the CPU, but LHCALL_SET_STACK names a kernel
 * stack the guest does not map.  The host must not hand the gate to the CPU
 * (which would fault pushing the frame: "cannot deliver trap 14"); it takes
 * the system call itself, finds nowhere for the frame, and kills us for
 * trap 128, whatever the build or the knob.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define STACK_TOP	0x5f000000u			/* no table there */

int main(void)
{
	u32 vector;

	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	if (pt_entry(STACK_TOP - 4, false))
		report_abort("0x%x unexpectedly has a page table", STACK_TOP - 4);
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	report_info("kernel stack at 0x%x, not mapped: the host must kill us",
		    STACK_TOP);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, STACK_TOP);
	vector = user_call(user_trap, 0, 0);
	report(false, "killed", "survived: vector %u", vector);
	return report_summary();
}
