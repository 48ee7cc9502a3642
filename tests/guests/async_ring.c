// SPDX-License-Identifier: GPL-2.0
/*
 * The async hypercall ring.  Queued calls run at the next exit, in order,
 * and each slot is handed back as LHCALL_STATUS_FREE.  The proof that they
 * really ran: a page remapped to another frame by a queued LHCALL_SET_PTE
 * must show the new frame, where a stale shadow entry would show the old
 * one.  Queueing many more calls than the ring holds must wrap around.
 */
#include "hcall.h"
#include "page_alloc.h"
#include "probe.h"
#include "pt.h"
#include "report.h"

#define VA		0x30000000u	/* kernel-only, free */
#define MANY		(4 * LHCALL_RING_SIZE + 7)

static u32 new_frame(u32 word)
{
	u32 pa = page_alloc();

	*(u32 *)__va(pa) = word;
	return pa;
}

/* Maps VA to a frame holding old, reads it, remaps it to one holding new. */
static void check_remap(const char *what, bool async)
{
	u32 val = 0;

	pt_set(VA, new_frame(0x01d01d) | PTE_P | PTE_W | PTE_A | PTE_D);
	/* Read it so that the host has a shadow entry to forget. */
	probe_read(VA, &val);
	report_eq(report_name(what, "old_frame"), val, 0x01d01d);
	if (async) {
		pt_set_async(VA, new_frame(0x9e9e) | PTE_P | PTE_W | PTE_A | PTE_D);
		hcall_flush_async();
	} else {
		pt_set(VA, new_frame(0x9e9e) | PTE_P | PTE_W | PTE_A | PTE_D);
	}
	val = 0;
	probe_read(VA, &val);
	report_eq(report_name(what, "new_frame"), val, 0x9e9e);
}

static void check_slots_freed(void)
{
	unsigned int slot[8], i, busy = 0;

	for (i = 0; i < ARRAY_SIZE(slot); i++)
		slot[i] = hcall_async(LHCALL_NOP, 0, 0, 0, 0);
	hcall_flush_async();
	for (i = 0; i < ARRAY_SIZE(slot); i++)
		if (READ_ONCE(lguest_data.hcall_status[slot[i]]) !=
		    LHCALL_STATUS_FREE)
			busy++;
	report(busy == 0, "slots_freed", "%u of %u slots not handed back",
	       busy, (unsigned int)ARRAY_SIZE(slot));
}

static void check_wrap(void)
{
	unsigned int i, busy = 0;

	for (i = 0; i < MANY; i++)
		hcall_async(LHCALL_NOP, 0, 0, 0, 0);
	hcall_flush_async();
	for (i = 0; i < LHCALL_RING_SIZE; i++)
		if (READ_ONCE(lguest_data.hcall_status[i]) != LHCALL_STATUS_FREE)
			busy++;
	report(busy == 0, "wrap_all_free", "%u slots still busy after %u calls",
	       busy, MANY);
}

int main(void)
{
	check_remap("sync_set_pte", false);
	check_remap("async_set_pte", true);
	check_slots_freed();
	check_wrap();
	return report_summary();
}
