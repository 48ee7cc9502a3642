// SPDX-License-Identifier: GPL-2.0
/*
 * Direct system calls (lg.ko's direct_syscalls=1): a DPL-3 trap gate for
 * int $0x80 into our own code segment may be given to the CPU itself, and
 * then user space's system calls reach us with no exit.  Whoever delivers
 * them, they must look the same: the hardware frame at the top of the
 * LHCALL_SET_STACK stack, the virtual IF still on, and the gate's changes
 * (a DPL-0 gate, an interrupt gate, a new stack, a flushed shadow) in force
 * at once.  The host's count of int $0x80 exits (exits_other) tells who
 * delivered each: either the CPU all of the trap gate's calls, or the host
 * all of them, never a mix; the interrupt gate's always the host.  Which
 * of the two lg.ko was asked for, tests/vm/test_lguest_guests.sh checks
 * from the launcher's counters.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "report.h"
#include "user.h"

#define CALLS		100
#define MAGIC		0x5c0de080
#define STACK_SIZE	4096

static u8 other_stack[STACK_SIZE] __aligned(16);

/* The host's count of exits by software interrupts of 32 and up. */
static u64 syscall_exits(void)
{
	static struct lguest_counters c;

	hcall1(LHCALL_READ_COUNTERS, __pa(&c));
	return c.exits_other;
}

/*
 * One int $0x80 from ring 3: it must arrive through the gate with the
 * user's registers and frame, on the stack whose top is stack_top, and
 * with the virtual IF as the gate leaves it.
 */
static bool one_call(u32 stack_top, u32 want_if)
{
	struct user_regs r = {
		.eax = MAGIC,
		.eip = user_va(user_trap),
		.esp = USER_STACK_TOP,
	};
	const struct trap_frame *f = &user_exit_info.frame;
	u32 vector = user_run(&r);

	return vector == VEC_SYSCALL && f->eax == MAGIC &&
	       f->cs == LGUEST_USER_CS && f->user_ss == LGUEST_USER_DS &&
	       f->user_esp == USER_STACK_TOP &&
	       f->eip == user_va(user_trap) + 2 &&
	       (f->eflags & X86_EFLAGS_IF) &&
	       user_exit_info.irq_enabled == want_if &&
	       user_exit_info.frame_addr + sizeof(*f) == stack_top;
}

/* n calls; returns how many of them exited to the host. */
static u32 calls(const char *name, u32 n, u32 stack_top, u32 want_if)
{
	u64 before = syscall_exits();
	u32 i, good = 0;

	for (i = 0; i < n; i++)
		good += one_call(stack_top, want_if);
	report(good == n, name, "%u of %u calls arrived as they should", good,
	       n);
	return (u32)(syscall_exits() - before);
}

/* Every call exited, or none did. */
static void all_or_none(const char *name, u32 exits, u32 n, u32 *direct)
{
	report(exits == 0 || exits == n, name,
	       "%u of %u calls exited to the host", exits, n);
	*direct += exits == 0;
}

int main(void)
{
	u32 direct = 0, exits, top = trap_stack_top();
	u32 other_top = (u32)(other_stack + STACK_SIZE);

	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	exits = calls("trap_gate", CALLS, top, X86_EFLAGS_IF);
	all_or_none("trap_gate_exits", exits, CALLS, &direct);

	/* The gate changed while we run: DPL 0 shuts user space out. */
	trap_set_handler(VEC_GP, user_exit);
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 0);
	report_eq("dpl0_gate_gp", user_call(user_trap, 0, 0), VEC_GP);
	report_eq("dpl0_gate_gp_error", user_exit_info.frame.error,
		  (VEC_SYSCALL << 3) | 2);
	trap_set_handler(VEC_GP, NULL);

	/* An interrupt gate: only the host can clear the virtual IF. */
	idt_set_gate(VEC_SYSCALL, GATE_INTERRUPT, 3);
	exits = calls("interrupt_gate", 10, top, 0);
	report_eq("interrupt_gate_exits", exits, 10);

	/* A trap gate again, then on a stack of its own. */
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	exits = calls("trap_gate_again", 10, top, X86_EFLAGS_IF);
	all_or_none("trap_gate_again_exits", exits, 10, &direct);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, other_top);
	exits = calls("new_stack", 10, other_top, X86_EFLAGS_IF);
	all_or_none("new_stack_exits", exits, 10, &direct);

	/* Every shadow entry dropped, the stack's among them. */
	hcall1(LHCALL_FLUSH_TLB, 1);
	exits = calls("after_flush", 10, other_top, X86_EFLAGS_IF);
	all_or_none("after_flush_exits", exits, 10, &direct);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, top);

	report(direct == 0 || direct == 4, "one_way",
	       "%u of 4 trap-gate rounds direct", direct);
	report_info("system calls through a trap gate: %s",
		    direct ? "direct" : "through the host");
	return report_summary();
}
