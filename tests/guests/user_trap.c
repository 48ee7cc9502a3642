// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 and back.  int $0x80 from user space must reach the guest through
 * its DPL-3 gate with the hardware frame on the stack given to
 * LHCALL_SET_STACK: ss, esp, eflags, cs, eip, all as user space had them.  A
 * trap gate must leave the virtual IF on; other vectors stay closed to user
 * space (ABI), and a hypercall from ring 3 must be refused with a #GP for
 * the gate, delivered to the guest; so must sysenter.
 */
#include "desc.h"
#include "idt.h"
#include "irq.h"
#include "report.h"
#include "user.h"

#define MAGIC	0x5a17c0de

static const struct trap_frame *exit_frame(void)
{
	return &user_exit_info.frame;
}

/* Runs a user snippet with a #GP ending the run; returns the vector. */
static u32 user_call_gp(const char *snippet)
{
	u32 vector;

	trap_set_handler(VEC_GP, user_exit);
	vector = user_call(snippet, 0, 0);
	trap_set_handler(VEC_GP, NULL);
	return vector;
}

static void check_int80(void)
{
	struct user_regs r = {
		.eax = MAGIC,
		.eip = user_va(user_trap),
		.esp = USER_STACK_TOP,
	};
	const struct trap_frame *f = exit_frame();
	u32 vector = user_run(&r);

	report_eq("int80_vector", vector, VEC_SYSCALL);
	report_eq("int80_eax_from_user", f->eax, MAGIC);
	report_eq("int80_frame_cs", f->cs, LGUEST_USER_CS);
	report_eq("int80_frame_ss", f->user_ss, LGUEST_USER_DS);
	report_eq("int80_frame_esp", f->user_esp, USER_STACK_TOP);
	/* A software interrupt's frame points after it: int $0x80 is 2 bytes. */
	report_eq("int80_frame_eip", f->eip, user_va(user_trap) + 2);
	report(f->eflags & X86_EFLAGS_IF, "int80_frame_if_set",
	       "eflags 0x%x: user space ran with the virtual IF on", f->eflags);
	report_eq("int80_gate_cleared_if", user_exit_info.irq_enabled, 0);
	/* Nothing else on the kernel stack: the frame ends at its top. */
	report_eq("int80_frame_on_kernel_stack",
		  user_exit_info.frame_addr + sizeof(struct trap_frame),
		  trap_stack_top());
	report_eq("kernel_if_off_after_user", irq_flags(), 0);
}

static void check_trap_gate(void)
{
	u32 vector;

	/* A trap gate leaves the virtual IF as user space had it. */
	idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	vector = user_call(user_trap, 0, 0);
	idt_set_gate(VEC_SYSCALL, GATE_INTERRUPT, 3);
	report_eq("int80_trap_gate_vector", vector, VEC_SYSCALL);
	report_eq("int80_trap_gate_kept_if", user_exit_info.irq_enabled,
		  X86_EFLAGS_IF);
	report_eq("int80_trap_gate_frame_cs", exit_frame()->cs, LGUEST_USER_CS);

	/*
	 * Any other vector stays closed to user space, whatever the guest's
	 * gate says: the host could not tell int $0x81 from its own device
	 * interrupt on that vector.  The CPU's answer is a #GP naming the gate.
	 */
	trap_set_handler(0x81, user_exit);
	idt_set_gate(0x81, GATE_TRAP, 3);
	vector = user_call_gp(user_int81);
	report_eq("int81_refused", vector, VEC_GP);
	report_eq("int81_refused_error", exit_frame()->error, (0x81 << 3) | 2);
}

static void check_hcall_refused(void)
{
	u32 vector = user_call_gp(user_hcall);

	report_eq("user_hcall_gp", vector, VEC_GP);
	/* The CPU's error code for a gate: its index, and bit 1 for "IDT". */
	report_eq("user_hcall_gp_error", exit_frame()->error,
		  LGUEST_TRAP_ENTRY * 8 + 2);
	report_eq("user_hcall_gp_eip", exit_frame()->eip, user_va(user_hcall));
	report_eq("user_hcall_gp_cs", exit_frame()->cs, LGUEST_USER_CS);
}

/*
 * sysenter from user space would enter the host's kernel at the host's
 * entry point, on our page tables: with SYSENTER_CS zero during the trip
 * the CPU refuses it with #GP(0), which is ours to handle.
 */
static void check_sysenter_refused(void)
{
	u32 vector = user_call_gp(user_sysenter);

	report_eq("sysenter_gp", vector, VEC_GP);
	report_eq("sysenter_gp_error", exit_frame()->error, 0);
	report_eq("sysenter_gp_eip", exit_frame()->eip, user_va(user_sysenter));
}

int main(void)
{
	check_int80();
	check_trap_gate();
	check_hcall_refused();
	check_sysenter_refused();
	/* And user space still works after all that. */
	report_eq("user_again", user_call(user_trap, 0, 0), VEC_SYSCALL);
	return report_summary();
}
