// SPDX-License-Identifier: GPL-2.0
/*
 * Traps and interrupts, on their way into the guest.
 *
 * The CPU never enters the guest kernel by itself: every vector of the IDT
 * it uses points at a Switcher stub, so every trap comes to the host first.
 * When the trap is the guest's to handle, we do what the CPU would have done
 * had the guest's own IDT been loaded: push the frame onto the right guest
 * stack and resume the guest at its handler.  Two things differ:
 *  - the guest's interrupt flag is virtual (lguest_data.irq_enabled), so the
 *    eflags in the frame carry that, and an interrupt gate clears it;
 *  - the guest cannot read %cr2, so a page fault's address goes into
 *    lguest_data.cr2 first (hypercalls.c and core.c).
 */
#include <linux/hrtimer.h>
#include <linux/moduleparam.h>
#include <linux/nospec.h>
#include <linux/wait.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include "lg.h"
#include "lg_trace.h"

#define GATE_TYPE_INTERRUPT	0xE
#define GATE_TYPE_TRAP		0xF

static bool gate_is_trap(const gate_desc *g)
{
	return g->bits.type == GATE_TYPE_TRAP;
}

void load_guest_idt_entry(struct lguest *lg, u32 vector, u32 lo, u32 hi)
{
	gate_desc g;

	if (vector >= IDT_ENTRIES) {
		kill_guest(lg, "IDT entry %u is out of range", vector);
		return;
	}
	/* The hypercall vector is ours. */
	if (vector == LGUEST_TRAP_ENTRY)
		return;
	/* The vector is the guest's: no speculation past the check above. */
	vector = array_index_nospec(vector, IDT_ENTRIES);
	memcpy(&g, &lo, sizeof(lo));
	memcpy((char *)&g + sizeof(lo), &hi, sizeof(hi));
	/*
	 * Only 32-bit interrupt and trap gates into the guest's kernel code
	 * segment; anything else reads as no handler at all.
	 */
	if (!g.bits.p || (g.segment & ~3) != (LGUEST_KERNEL_CS & ~3) ||
	    (g.bits.type != GATE_TYPE_INTERRUPT && g.bits.type != GATE_TYPE_TRAP))
		memset(&g, 0, sizeof(g));
	else
		g.segment = LGUEST_KERNEL_CS;
	lg->idt[vector] = g;
	lg->changed = true;
}

/*
 * The IDT the CPU really uses: a Switcher stub for every vector, all
 * interrupt gates so the host's interrupts stay off in the Switcher.  The
 * DPL decides who may use "int $n": the guest kernel for the hypercall,
 * user space for the few vectors the guest opened to it.
 */
static void set_gate(gate_desc *g, unsigned long addr, u16 segment,
		     unsigned int type, unsigned int dpl)
{
	memset(g, 0, sizeof(*g));
	g->offset_low = addr & 0xffff;
	g->offset_middle = addr >> 16;
	g->segment = segment;
	g->bits.type = type;
	g->bits.dpl = dpl;
	g->bits.p = 1;
}

void set_switcher_gate(gate_desc *g, unsigned long addr, unsigned int dpl)
{
	set_gate(g, addr, LGUEST_GDT_SWITCHER_CS * 8, GATE_TYPE_INTERRUPT, dpl);
}

/*
 * Direct system calls: a guest's int $0x80 from user space may go straight
 * to the guest kernel's handler, the CPU's own IDT pointing there, with no
 * world switch.  Off unless lg.ko is loaded with direct_syscalls=1.
 */
static bool direct_syscalls;
module_param(direct_syscalls, bool, 0444);
MODULE_PARM_DESC(direct_syscalls,
		 "send a guest's int $0x80 straight to its kernel where its gate allows");

/*
 * Only a gate the CPU could follow with nothing of ours at stake: a
 * present trap gate (an interrupt gate must clear the virtual IF, which
 * only we can do), DPL 3 (user space may use it), to the guest kernel's own
 * ring-1 code segment (load_guest_idt_entry() allowed no other, and we
 * check again), at an address below the Switcher.
 */
static bool syscall_gate_direct(const struct lguest *lg)
{
	const gate_desc *g = &lg->idt[IA32_SYSCALL_VECTOR];

	return direct_syscalls && g->bits.p && gate_is_trap(g) &&
	       g->bits.dpl == 3 && g->segment == LGUEST_KERNEL_CS &&
	       gate_offset(g) < switcher_addr;
}

/* The frame the CPU pushes on the ring-1 stack for int $0x80 from ring 3. */
#define SYSCALL_FRAME_BYTES	(5 * sizeof(u32))

/*
 * Before each trip: may the CPU deliver the guest's int $0x80 itself this
 * time?  Its gate must allow it, and the CPU will push the frame onto the
 * guest's registered entry stack (the TSS's esp1) with nobody to fill the
 * shadow if it faults, so the stack must lie below the Switcher and be
 * mapped, writable, in the shadow page directory the guest runs on: we
 * fill it now, as a write by the guest kernel would (pin_stack_page()).
 * If the guest's own tables do not allow that, the host delivers its
 * system calls as before (and deliver_trap() kills it for the stack).
 */
static bool syscall_direct_ready(struct lguest *lg)
{
	u32 top = lg->esp1;

	if (!syscall_gate_direct(lg) || !lg->ss1 ||
	    top < SYSCALL_FRAME_BYTES || top > switcher_addr)
		return false;
	return pin_stack_page(lg, top - SYSCALL_FRAME_BYTES) &&
	       pin_stack_page(lg, top - 1);
}

/*
 * The run loop, before each trip, where it may still sleep (a shadow page
 * table for the stack is a page to allocate): the CPU's int $0x80 gate is
 * ours or the guest's for this trip, and copy_in_guest_info() rebuilds the
 * IDT when that changes.
 */
void update_syscall_gate(struct lguest *lg)
{
	if (syscall_direct_ready(lg) != lg->syscall_direct) {
		lg->syscall_direct = !lg->syscall_direct;
		lg->changed = true;
	}
}

void copy_idt(const struct lguest *lg, gate_desc *idt, unsigned long stubs)
{
	unsigned int v;

	for (v = 0; v < IDT_ENTRIES; v++) {
		unsigned int dpl = 0;

		/*
		 * The guest's own handler, as syscall_direct_ready() found
		 * it, in a gate of our making: nothing else of the guest's.
		 */
		if (v == IA32_SYSCALL_VECTOR && lg->syscall_direct) {
			set_gate(&idt[v], gate_offset(&lg->idt[v]),
				 LGUEST_KERNEL_CS, GATE_TYPE_TRAP, 3);
			continue;
		}
		if (v == LGUEST_TRAP_ENTRY)
			dpl = 1;
		else if ((v == X86_TRAP_BP || v == X86_TRAP_OF ||
			  v == IA32_SYSCALL_VECTOR) && lg->idt[v].bits.p)
			dpl = lg->idt[v].bits.dpl;
		set_switcher_gate(&idt[v], stubs + v * SWITCHER_STUB_SIZE, dpl);
	}
}

void set_guest_stack(struct lguest *lg, u32 ss, u32 esp)
{
	if (ss != LGUEST_KERNEL_DS) {
		kill_guest(lg, "bad kernel stack segment %#x", ss);
		return;
	}
	lg->ss1 = ss;
	lg->esp1 = esp;
	lg->changed = true;
}

/* Write len bytes at guest virtual address va, as the guest kernel would. */
static bool write_guest_va(struct lguest *lg, u32 va, const void *buf, u32 len)
{
	while (len) {
		u32 n = min_t(u32, len, PAGE_SIZE - (va & ~PAGE_MASK));
		u32 gpa;

		if (!guest_va_to_pa(lg, va, true, &gpa) ||
		    write_guest(lg, gpa, buf, n))
			return false;
		va += n;
		buf += n;
		len -= n;
	}
	return true;
}

static u32 virtual_if(struct lguest *lg)
{
	u32 on = 0;

	if (lg->lguest_data)
		read_guest(lg, lg->lguest_data +
			   offsetof(struct lguest_data, irq_enabled),
			   &on, sizeof(on));
	return on & X86_EFLAGS_IF;
}

static void set_virtual_if(struct lguest *lg, u32 on)
{
	if (lg->lguest_data)
		write_guest(lg, lg->lguest_data +
			    offsetof(struct lguest_data, irq_enabled),
			    &on, sizeof(on));
}

/*
 * Deliver vector into the guest: push the frame the CPU would push, on the
 * guest kernel stack if we come from an outer ring, and jump to the handler.
 */
bool deliver_trap(struct lguest *lg, unsigned int vector, bool has_err)
{
	struct lguest_regs *r = lg->regs;
	const gate_desc *g = &lg->idt[vector];
	/* From ring 2 or 3 the CPU switches to the ring-1 stack. */
	bool outer = (r->cs & 3) > (LGUEST_KERNEL_CS & 3);
	u32 frame[6], *f = frame + ARRAY_SIZE(frame);
	u32 ss = r->ss, sp = r->esp, len;

	if (!g->bits.p) {
		kill_guest(lg, "unhandled trap %u at eip %#x (no handler)",
			   vector, r->eip);
		return false;
	}
	if (outer) {
		if (!lg->ss1) {
			kill_guest(lg, "trap %u from ring %u before LHCALL_SET_STACK",
				   vector, r->cs & 3);
			return false;
		}
		ss = lg->ss1;
		sp = lg->esp1;
		*--f = r->ss;
		*--f = r->esp;
	}
	*--f = (r->eflags & ~X86_EFLAGS_IF) | virtual_if(lg);
	*--f = r->cs;
	*--f = r->eip;
	if (has_err)
		*--f = r->errcode;
	len = (frame + ARRAY_SIZE(frame) - f) * sizeof(u32);
	sp -= len;
	if (!write_guest_va(lg, sp, f, len)) {
		kill_guest(lg, "cannot deliver trap %u: guest stack %#x is not mapped",
			   vector, sp);
		return false;
	}
	r->ss = ss;
	r->esp = sp;
	r->cs = LGUEST_KERNEL_CS;
	r->eip = gate_offset(g);
	r->eflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_RF |
		       X86_EFLAGS_VM);
	if (!gate_is_trap(g))
		set_virtual_if(lg, 0);
	return true;
}

bool guest_irq_pending(struct lguest *lg)
{
	return !bitmap_empty(lg->irqs_pending, LGUEST_IRQS);
}

static void set_irq_pending_flag(struct lguest *lg, u32 flag)
{
	write_guest(lg, lg->lguest_data + offsetof(struct lguest_data, irq_pending),
		    &flag, sizeof(flag));
}

/*
 * Where the guest asked for no interrupt: its iret (noirq_iret), which
 * restores the virtual IF the instruction before, and the window
 * [noirq_start, noirq_end), its system call entry's first instruction,
 * which turns the flag off after a trap gate left it on.
 */
static bool noirq_at(struct lguest *lg, u32 eip)
{
	struct {
		u32 iret, start, end;
	} noirq = { 0 };

	BUILD_BUG_ON(offsetof(struct lguest_data, noirq_start) !=
		     offsetof(struct lguest_data, noirq_iret) + sizeof(u32) ||
		     offsetof(struct lguest_data, noirq_end) !=
		     offsetof(struct lguest_data, noirq_start) + sizeof(u32));
	read_guest(lg, lg->lguest_data + offsetof(struct lguest_data, noirq_iret),
		   &noirq, sizeof(noirq));
	return (noirq.iret && eip == noirq.iret) ||
	       (eip >= noirq.start && eip < noirq.end);
}

/*
 * Before entering the guest: hand it the first interrupt it has not
 * blocked, if it has interrupts on and is not in the middle of its iret.
 * Otherwise leave a note in lguest_data.irq_pending, so that re-enabling
 * interrupts asks for them (LHCALL_SEND_INTERRUPTS).
 */
void maybe_deliver_interrupt(struct lguest *lg)
{
	DECLARE_BITMAP(blocked, LGUEST_IRQS);
	DECLARE_BITMAP(ready, LGUEST_IRQS);
	u32 words[LGUEST_IRQS / 32];
	unsigned int irq;

	/* What was raised up to here, we see below (raise_guest_irq()). */
	lg->irqs_seen = atomic_read(&lg->irqs_raised);
	/* The count before the bits, as raise_guest_irq() wrote them. */
	smp_rmb();
	if (!lg->lguest_data || !guest_irq_pending(lg))
		return;
	read_guest(lg, lg->lguest_data +
		   offsetof(struct lguest_data, blocked_interrupts),
		   words, sizeof(words));
	bitmap_from_arr32(blocked, words, LGUEST_IRQS);
	bitmap_andnot(ready, lg->irqs_pending, blocked, LGUEST_IRQS);
	irq = find_first_bit(ready, LGUEST_IRQS);
	if (irq >= LGUEST_IRQS)
		return;
	/* Something to do: a halted guest wakes whether or not it takes it. */
	lg->halted = false;
	if (!virtual_if(lg) || noirq_at(lg, lg->regs->eip)) {
		set_irq_pending_flag(lg, 1);
		return;
	}
	clear_bit(irq, lg->irqs_pending);
	if (deliver_trap(lg, LGUEST_IRQ_VECTOR_BASE + irq, false)) {
		lg->counters.irqs_delivered++;
		trace_lguest_irq(irq);
	}
	set_irq_pending_flag(lg, guest_irq_pending(lg));
}

/*
 * From the timer's interrupt or any thread's LGUEST_IOC_IRQ, with no lock:
 * the bit is set before the wake-up, and the sleeper in lg_run() checks it
 * after queueing itself, so no interrupt is missed.
 *
 * A guest running on another CPU has interrupts of that CPU's to exit on,
 * but the next may be a timer tick away: kick it with a reschedule IPI.
 * The count goes up after the bit and before we look for the CPU, and
 * lguest_run_once() publishes the CPU before it compares the count, so
 * either it sees this raise and does not enter the guest, or we see its
 * CPU and kick (both sides with a full barrier between).
 */
void raise_guest_irq(struct lguest *lg, unsigned int irq)
{
	int cpu;

	set_bit(irq, lg->irqs_pending);
	/* The bit before the count: whoever sees the count sees the bit. */
	smp_mb__after_atomic();
	atomic_inc(&lg->irqs_raised);
	/* Pairs with lguest_run_once()'s: the count out, then the CPU in. */
	smp_mb__after_atomic();
	cpu = READ_ONCE(lg->running_cpu);
	if (cpu >= 0 && cpu != raw_smp_processor_id())
		smp_send_reschedule(cpu);
	wake_up(&lg->irq_wait);
}

static enum hrtimer_restart guest_timer_fired(struct hrtimer *timer)
{
	struct lguest *lg = container_of(timer, struct lguest, timer);

	raise_guest_irq(lg, LGUEST_IRQ_TIMER);
	return HRTIMER_NORESTART;
}

void init_guest_timer(struct lguest *lg)
{
	hrtimer_init(&lg->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	lg->timer.function = guest_timer_fired;
}

void set_guest_timer(struct lguest *lg, u32 ns)
{
	if (!ns)
		hrtimer_cancel(&lg->timer);
	else
		hrtimer_start(&lg->timer, ns_to_ktime(ns), HRTIMER_MODE_REL);
}
