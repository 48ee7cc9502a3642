// SPDX-License-Identifier: GPL-2.0
/*
 * The async hypercall ring.  The host consumes slots in order from where it
 * stopped last time, so the guest fills them in the same order: a slot is
 * ours again once the host has set its status back to LHCALL_STATUS_FREE.
 */
#include "hcall.h"
#include "report.h"

static unsigned int next_slot;

void hcall_flush_async(void)
{
	hcall0(LHCALL_FLUSH_ASYNC);
}

unsigned int hcall_async(u32 nr, u32 a1, u32 a2, u32 a3, u32 a4)
{
	unsigned int i = next_slot;
	struct lguest_hcall_args *args = &lguest_data.hcalls[i];

	if (READ_ONCE(lguest_data.hcall_status[i]) != LHCALL_STATUS_FREE) {
		hcall_flush_async();
		if (READ_ONCE(lguest_data.hcall_status[i]) != LHCALL_STATUS_FREE)
			report_abort("async slot %u still busy after a flush", i);
	}
	args->nr = nr;
	args->arg1 = a1;
	args->arg2 = a2;
	args->arg3 = a3;
	args->arg4 = a4;
	/* The host may look at any exit: the arguments must be there first. */
	barrier();
	WRITE_ONCE(lguest_data.hcall_status[i], LHCALL_STATUS_READY);
	next_slot = (i + 1) % LHCALL_RING_SIZE;
	return i;
}
