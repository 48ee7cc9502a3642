// SPDX-License-Identifier: GPL-2.0
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "report.h"

/* In halt.S: enable and halt, its halting int $0x1f, the instruction after. */
void enable_and_halt(void);
extern const char halt_insn[], halt_done[];

void irq_disable(void)
{
	barrier();
	WRITE_ONCE(lguest_data.irq_enabled, 0);
	barrier();
}

void irq_enable(void)
{
	barrier();
	WRITE_ONCE(lguest_data.irq_enabled, X86_EFLAGS_IF);
	barrier();
	if (READ_ONCE(lguest_data.irq_pending))
		hcall0(LHCALL_SEND_INTERRUPTS);
}

void irq_restore(u32 flags)
{
	if (flags & X86_EFLAGS_IF)
		irq_enable();
	else
		irq_disable();
}

void safe_halt(void)
{
	if (irq_flags())
		report_abort("safe_halt() with the virtual IF on: test the wake-up condition with it off (lib/irq.h)");
	enable_and_halt();
}

void halt_fixup(struct trap_frame *f)
{
	if (!trap_from_user(f) && f->eip == (u32)halt_insn)
		f->eip = (u32)halt_done;
}
