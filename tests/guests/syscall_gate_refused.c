// SPDX-License-Identifier: GPL-2.0
/*
 * int $0x80 gates the host must never give the CPU (direct system calls,
 * lg.ko's direct_syscalls=1), whichever build and whatever the knob: a gate
 * into the Switcher's ring-0 code segment, into a conforming code segment
 * of ours, or into a code segment we loaded at DPL 0 (which the host raises
 * to 1), all refused when loaded, so that user space's int $0x80 is a #GP
 * naming the gate, taken by the host, and a DPL-3 trap gate into our own
 * segment aimed at the Switcher's range, which the host delivers itself
 * (one int $0x80 exit): there the guest kernel takes a not-present fault
 * at ring 1 on the handler's first instruction.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "report.h"
#include "user.h"

#define GUEST_SLOT	20

static u64 syscall_exits(void)
{
	static struct lguest_counters c;

	hcall1(LHCALL_READ_COUNTERS, __pa(&c));
	return c.exits_other;
}

/* A gate to our int $0x80 stub through selector sel: int $0x80 is a #GP. */
static void refused(const char *name, u16 sel)
{
	struct desc d = desc_gate(0, GATE_TRAP, 3);
	u32 handler = (u32)user_exit, vector;
	u64 before;

	d.lo = ((u32)sel << 16) | (handler & 0xFFFF);
	d.hi |= handler & 0xFFFF0000;
	hcall3(LHCALL_LOAD_IDT_ENTRY, VEC_SYSCALL, d.lo, d.hi);
	before = syscall_exits();
	vector = user_call(user_trap, 0, 0);
	report(vector == VEC_GP && user_exit_info.frame.error ==
	       ((VEC_SYSCALL << 3) | 2) && syscall_exits() == before, name,
	       "vector %u, error 0x%x, %u int $0x80 exits", vector,
	       user_exit_info.frame.error, (u32)(syscall_exits() - before));
}

int main(void)
{
	u32 switcher = 0u - lguest_data.reserve_mem;
	u32 target = switcher + 0x3ff000, vector;
	struct desc gate;
	u64 before;

	if (!lguest_data.reserve_mem)
		report_abort("the host left lguest_data.reserve_mem at 0");
	user_call(user_trap, 0, 0);	/* user space set up beforehand */
	trap_set_handler(VEC_GP, user_exit);

	refused("switcher_segment", LGUEST_GDT_SWITCHER_CS * 8);
	gate = desc_conforming(desc_code(0xFFFFFFFF, 1));
	hcall3(LHCALL_LOAD_GDT_ENTRY, GUEST_SLOT, gate.lo, gate.hi);
	refused("conforming_segment", gdt_selector(GUEST_SLOT, 1));
	gate = desc_code(0xFFFFFFFF, 0);
	hcall3(LHCALL_LOAD_GDT_ENTRY, GUEST_SLOT, gate.lo, gate.hi);
	refused("ring0_segment", gdt_selector(GUEST_SLOT, 0));

	/* Our own segment, but the handler in the Switcher's last page. */
	trap_set_handler(VEC_PF, user_exit);
	gate = desc_gate(target, GATE_TRAP, 3);
	hcall3(LHCALL_LOAD_IDT_ENTRY, VEC_SYSCALL, gate.lo, gate.hi);
	before = syscall_exits();
	vector = user_call(user_trap, 0, 0);
	report_eq("switcher_handler_pf", vector, VEC_PF);
	report_eq("switcher_handler_pf_eip", user_exit_info.frame.eip, target);
	report_eq("switcher_handler_pf_cs", user_exit_info.frame.cs,
		  LGUEST_KERNEL_CS);
	report_eq("switcher_handler_pf_cr2", user_exit_info.cr2, target);
	report_eq("switcher_handler_by_host", (u32)(syscall_exits() - before), 1);
	return report_summary();
}
