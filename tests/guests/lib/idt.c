// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's IDT lives in the host: each gate is registered by hypercall.
 * We register the CPU exceptions and the interrupt lines at boot, all as
 * interrupt gates like Linux does, so every handler starts with the virtual
 * IF off; user.c adds 0x80 for ring 3, and tests add what else they need.
 *
 * On the way out trap_dispatch() puts the virtual IF back as the frame had
 * it: iret at ring 1 cannot do that for us.
 */
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "probe.h"
#include "report.h"

#define TRAP_STACK_SIZE	16384
#define STUB_SIZE	16	/* must match idt_stubs.S */
#define MAX_NESTING	8

extern const char trap_stubs[];

static trap_handler_t handlers[256];
static unsigned int nesting;
static u8 trap_stack[TRAP_STACK_SIZE] __aligned(16);

u32 trap_stack_top(void)
{
	return (u32)(trap_stack + TRAP_STACK_SIZE);
}

trap_handler_t trap_set_handler(unsigned int vector, trap_handler_t h)
{
	trap_handler_t old = handlers[vector & 0xFF];

	handlers[vector & 0xFF] = h;
	return old;
}

void idt_set_gate(unsigned int vector, u32 type, u32 dpl)
{
	struct desc d = desc_gate((u32)trap_stubs + vector * STUB_SIZE, type,
				  dpl);

	hcall3(LHCALL_LOAD_IDT_ENTRY, vector, d.lo, d.hi);
}

/*
 * Vectors the host keeps for itself whatever the guest says: NMI (2), double
 * fault (8), the reserved 15 and the hypercall gate.  Old lguest ignored them;
 * we do not even ask.
 */
static bool host_owned(unsigned int vector)
{
	return vector == 2 || vector == 8 || vector == 15 ||
	       vector == LGUEST_TRAP_ENTRY;
}

void idt_init(void)
{
	unsigned int v;

	for (v = 0; v < LGUEST_IRQ_VECTOR_BASE + LGUEST_IRQS; v++)
		if (!host_owned(v))
			idt_set_gate(v, GATE_INTERRUPT, 0);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top());
}

void trap_abandon(void)
{
	nesting--;
}

static void __noreturn trap_unexpected(const struct trap_frame *f)
{
	report_abort("unexpected trap %u, error 0x%x, at %x:%x, eflags 0x%x, cr2 0x%x",
		     f->vector, f->error, f->cs, f->eip, f->eflags,
		     lguest_data.cr2);
}

void trap_dispatch(struct trap_frame *f)
{
	trap_handler_t h = handlers[f->vector & 0xFF];

	if (++nesting > MAX_NESTING) {
		/* Printing may be what keeps faulting: just stop. */
		hcall2(LHCALL_SHUTDOWN, __pa("trap recursion"), 1);
	}
	halt_fixup(f);
	if (h)
		h(f);
	else if (!probe_fixup(f))
		trap_unexpected(f);
	nesting--;
	irq_restore(f->eflags & X86_EFLAGS_IF);
}
