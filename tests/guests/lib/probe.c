// SPDX-License-Identifier: GPL-2.0
#include "idt.h"
#include "probe.h"

extern const char probe_read_insn[], probe_write_insn[], probe_failed[];
extern u32 probe_esp;

struct probe_fault probe_last;

bool probe_fixup(struct trap_frame *f)
{
	if (trap_from_user(f) || (f->eip != (u32)probe_read_insn &&
				  f->eip != (u32)probe_write_insn))
		return false;
	probe_last.vector = f->vector;
	probe_last.error = f->error;
	probe_last.cr2 = READ_ONCE(lguest_data.cr2);
	probe_last.eip = f->eip;
	probe_last.cs = f->cs;
	probe_last.eflags = f->eflags;
	probe_last.irq_enabled = READ_ONCE(lguest_data.irq_enabled);
	probe_last.frame_error_addr = (u32)&f->error;
	probe_last.esp = probe_esp;
	f->eip = (u32)probe_failed;
	return true;
}
