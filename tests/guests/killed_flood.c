// SPDX-License-Identifier: GPL-2.0
/*
 * Must be killed: an async ring kept full.  Every slot holds a queued NOP;
 * after each exit (a synchronous NOP) the host has run them all, and we mark
 * them ready again at once, so the host finds the ring full at every exit.
 * Only the status bytes are rewritten: the arguments stay NOPs, and the
 * window in which the ring is not full stays a handful of instructions.
 */
#include "hcall.h"
#include "report.h"

#define LIMIT	(10 * LGUEST_ASYNC_FLOOD_EXITS)

static void fill_ring(void)
{
	volatile u32 *status = (volatile u32 *)lguest_data.hcall_status;
	unsigned int i;

	for (i = 0; i < LHCALL_RING_SIZE / 4; i++)
		status[i] = LHCALL_STATUS_READY * 0x01010101u;
}

int main(void)
{
	unsigned int i;

	/* Zeroed arguments are LHCALL_NOP. */
	for (i = 0; i < LHCALL_RING_SIZE; i++)
		lguest_data.hcalls[i] = (struct lguest_hcall_args){ .nr = LHCALL_NOP };
	report_info("async ring full for %u exits: the host must kill us",
		    LIMIT);
	for (i = 0; i < LIMIT; i++) {
		fill_ring();
		hcall0(LHCALL_NOP);
	}
	report(false, "killed", "survived %u exits with a full ring", LIMIT);
	return report_summary();
}
