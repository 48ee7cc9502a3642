// SPDX-License-Identifier: GPL-2.0
/*
 * A direct system call (lg.ko's direct_syscalls=1) whose frame the CPU
 * cannot push: the kernel stack is a kernel-only page at a user address,
 * and before each int $0x80 a synchronous LHCALL_SET_PTE rewrites its entry
 * without the accessed bit, so the shadow drops it.  The host would take
 * the stack back into the shadow before the guest ran again; the exitless
 * Switcher answers that SET_PTE itself, and the guest runs on without it.
 * The CPU's push then faults with user space's %cs but a supervisor error
 * code (write, not present): a fault of the guest kernel's, which the
 * walker must hand to the host (fallback reason NOT_USER), not judge as
 * user space's.  The host fills the entry and the int $0x80 is retried.
 * Whoever delivers, every call must arrive whole on that stack;
 * tests/vm/test_fastpath_differential.sh checks the exitless build's
 * fallback reasons under the knob.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define STACK_VA	(USER_DATA_VA + 3 * PT_SPAN)
#define STACK_TOP	(STACK_VA + PAGE_SIZE)
#define ROUNDS		8

int main(void)
{
	u32 page = page_alloc(), vector, i, good = 0;

	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	pt_set(STACK_VA, page | PTE_P | PTE_W | PTE_A | PTE_D);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, STACK_TOP);
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	for (i = 0; i < ROUNDS; i++) {
		pt_set(STACK_VA, page | PTE_P | PTE_W);
		vector = user_call(user_trap, 0, 0);
		good += vector == VEC_SYSCALL &&
			user_exit_info.frame.cs == LGUEST_USER_CS &&
			user_exit_info.frame_addr + sizeof(struct trap_frame) ==
			STACK_TOP;
	}
	report(good == ROUNDS, "syscalls_on_dropped_stack",
	       "%u of %u arrived on the stack at 0x%x", good, ROUNDS, STACK_TOP);
	/* The CPU's push set them, or the host as it would. */
	report_eq("stack_accessed_dirty", pt_get(STACK_VA) & (PTE_A | PTE_D),
		  PTE_A | PTE_D);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top());
	return report_summary();
}
