// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls: the guest's way of asking the host for what a ring-1 kernel
 * may not do itself.
 *
 * A synchronous hypercall is int $LGUEST_TRAP_ENTRY: an exit to the host,
 * which answers in %eax.  Calls with no answer to wait for (page-table
 * updates, mostly) can instead be queued in the async ring in lguest_data
 * and cost nothing until the next exit, whatever its cause: the run loop
 * runs the ring right after every exit, before it handles the exit itself.
 */
#include <linux/kernel.h>
#include <linux/nospec.h>
#include <linux/string.h>
#include <asm/tsc.h>
#include "lg.h"
#include "lg_trace.h"

#define SHUTDOWN_REASON_MAX	256

static void guest_init(struct lguest *lg, u32 gpa, u32 flags)
{
	u32 reserve = -switcher_addr;

	if (!gpa_ok(lg, gpa, sizeof(struct lguest_data))) {
		kill_guest(lg, "lguest_data at %#x is out of range", gpa);
		return;
	}
	if (flags & ~LGUEST_INIT_LINEAR_MAP) {
		kill_guest(lg, "unknown LHCALL_GUEST_INIT flags %#x", flags);
		return;
	}
	lg->lguest_data = gpa;
	lg->init_flags = flags;
	lg->changed = true;	/* the fastpath needs to know */
	write_guest(lg, gpa + offsetof(struct lguest_data, reserve_mem),
		    &reserve, sizeof(reserve));
	write_guest(lg, gpa + offsetof(struct lguest_data, tsc_khz),
		    &tsc_khz, sizeof(u32));
}

static void guest_shutdown(struct lguest *lg, u32 gpa, u32 status)
{
	char reason[SHUTDOWN_REASON_MAX];
	u32 len = SHUTDOWN_REASON_MAX;

	/* The reason may end near the end of memory: read what is there. */
	if (gpa < lg->mem_size)
		len = min(len, lg->mem_size - gpa);
	if (read_guest(lg, gpa, reason, len)) {
		kill_guest(lg, "shutdown reason at %#x is out of range", gpa);
		return;
	}
	guest_exit(lg, LGUEST_EXIT_SHUTDOWN, status, reason, strnlen(reason, len));
}

static void console_write(struct lguest *lg, u32 gpa, u32 len)
{
	char *buf = lg->exit->data;

	if (len > LGUEST_DATA_MAX) {
		kill_guest(lg, "console write of %u bytes is too long", len);
		return;
	}
	if (read_guest(lg, gpa, buf, len)) {
		kill_guest(lg, "console write at %#x+%u is out of range", gpa, len);
		return;
	}
	guest_exit(lg, LGUEST_EXIT_CONSOLE, 0, buf, len);
}

/*
 * The guest reads its own counters, so that a benchmark inside it can count
 * the exits of exactly its timed window.  The copy is taken here, with this
 * call's own exit already counted: two reads in a row differ by exactly
 * one trip (2 world switches) and one LHCALL_READ_COUNTERS.
 */
static void read_counters(struct lguest *lg, u32 gpa)
{
	if (write_guest(lg, gpa, &lg->counters, sizeof(lg->counters)))
		kill_guest(lg, "counters at %#x+%zu are out of range", gpa,
			   sizeof(lg->counters));
}

/* Run one hypercall; returns what goes back in %eax. */
static u32 do_hcall(struct lguest *lg, const struct lguest_hcall_args *a)
{
	switch (a->nr) {
	case LHCALL_NOP:
	case LHCALL_FLUSH_ASYNC:	/* the ring ran before we got here */
	case LHCALL_SEND_INTERRUPTS:	/* the run loop delivers them next */
		break;
	case LHCALL_GUEST_INIT:
		guest_init(lg, a->arg1, a->arg2);
		break;
	case LHCALL_SHUTDOWN:
		guest_shutdown(lg, a->arg1, a->arg2);
		break;
	case LHCALL_CONSOLE_WRITE:
		console_write(lg, a->arg1, a->arg2);
		break;
	case LHCALL_READ_COUNTERS:
		read_counters(lg, a->arg1);
		break;
	case LHCALL_NEW_PGTABLE:
		guest_new_pagetable(lg, a->arg1);
		break;
	case LHCALL_FLUSH_TLB:
		guest_flush_tlb(lg, a->arg1);
		break;
	case LHCALL_SET_PTE:
		guest_set_pte(lg, a->arg1, a->arg2, a->arg3);
		break;
	case LHCALL_SET_PGD:
		guest_set_pgd(lg, a->arg1, a->arg2);
		break;
	case LHCALL_LOAD_GDT_ENTRY:
		load_guest_gdt_entry(lg, a->arg1, a->arg2, a->arg3);
		break;
	case LHCALL_LOAD_TLS:
		load_guest_tls(lg, a->arg1);
		break;
	case LHCALL_LOAD_IDT_ENTRY:
		load_guest_idt_entry(lg, a->arg1, a->arg2, a->arg3);
		break;
	case LHCALL_SET_STACK:
		set_guest_stack(lg, a->arg1, a->arg2);
		break;
	case LHCALL_SET_CLOCKEVENT:
		set_guest_timer(lg, a->arg1);
		break;
	case LHCALL_HALT:
		lg->halted = true;
		break;
	case LHCALL_NOTIFY:
		guest_exit(lg, LGUEST_EXIT_NOTIFY, a->arg1, NULL, 0);
		break;
	default:
		kill_guest(lg, "unknown hypercall %u", a->nr);
	}
	return 0;
}

/*
 * Run the async ring, one lap at most, stopping early if a call needs the
 * launcher.  A guest that hands us a full ring on every one of
 * LGUEST_ASYNC_FLOOD_EXITS exits of its own in a row is doing nothing but
 * that.  Exits for the host's interrupts neither count nor break the run:
 * they land at random, perhaps while the guest is refilling the ring.
 */
void run_async_hcalls(struct lguest *lg)
{
	u32 base = lg->lguest_data;
	u8 status[LHCALL_RING_SIZE];
	unsigned int n;

	if (read_guest(lg, base + offsetof(struct lguest_data, hcall_status),
		       status, sizeof(status)))
		return;
	for (n = 0; n < LHCALL_RING_SIZE; n++) {
		unsigned int i = lg->next_hcall;
		u8 done = LHCALL_STATUS_FREE;
		struct lguest_hcall_args a;

		if (status[i] != LHCALL_STATUS_READY)
			break;
		read_guest(lg, base + offsetof(struct lguest_data, hcalls[i]),
			   &a, sizeof(a));
		do_hcall(lg, &a);
		write_guest(lg, base + offsetof(struct lguest_data, hcall_status[i]),
			    &done, sizeof(done));
		lg->counters.async_hcalls++;
		trace_lguest_hcall(a.nr, true);
		lg->next_hcall = (i + 1) % LHCALL_RING_SIZE;
		if (lg->dead || lg->exit->reason)
			break;
	}
	if (host_vector(lg->regs->trapnum))
		return;
	if (n < LHCALL_RING_SIZE)
		lg->full_ring_exits = 0;
	else if (++lg->full_ring_exits > LGUEST_ASYNC_FLOOD_EXITS)
		kill_guest(lg, "async hypercall ring flooded");
}

/* The synchronous hypercall the last exit brought, if any. */
void do_hypercall(struct lguest *lg)
{
	struct lguest_regs *r = lg->regs;
	struct lguest_hcall_args a = {
		.nr = r->eax, .arg1 = r->ebx, .arg2 = r->ecx,
		.arg3 = r->edx, .arg4 = r->esi,
	};

	if (!lg->hcall_pending || lg->dead || lg->exit->reason)
		return;
	lg->hcall_pending = false;
	if (a.nr < LHCALL_NR) {
		lg->counters.exits_hcall[array_index_nospec(a.nr, LHCALL_NR)]++;
		trace_lguest_hcall(a.nr, false);
	}
	r->eax = do_hcall(lg, &a);
}
