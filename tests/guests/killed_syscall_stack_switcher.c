// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: a DPL-3 trap gate for int $0x80, which lg.ko's
 * direct_syscalls=1 would give the CPU, but LHCALL_SET_STACK names a kernel
 * stack in the Switcher's range: the top of the first CPU's register page,
 * which the CPU could write at ring 1 (it is the guest's own) and which the
 * Switcher uses as its ring-0 stack.  The host must not hand the gate to
 * the CPU; it takes the system call itself, may not write the frame there,
 * and kills us for trap 128, whatever the build or the knob.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "report.h"
#include "user.h"

int main(void)
{
	u32 switcher = 0u - lguest_data.reserve_mem, vector;

	if (!lguest_data.reserve_mem)
		report_abort("the host left lguest_data.reserve_mem at 0");
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	report_info("kernel stack at 0x%x, in the Switcher at 0x%x: the host must kill us",
		    switcher + 3 * PAGE_SIZE, switcher);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, switcher + 3 * PAGE_SIZE);
	vector = user_call(user_trap, 0, 0);
	report(false, "killed", "survived: vector %u", vector);
	return report_summary();
}
