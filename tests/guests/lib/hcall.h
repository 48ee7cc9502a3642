/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercalls.  The synchronous ones trap to the host at once; the host keeps
 * every register but %eax, which carries the result.  The asynchronous ones
 * go into the ring in lguest_data and run at the guest's next exit.
 */
#ifndef GUEST_HCALL_H
#define GUEST_HCALL_H

#include "guest.h"

static inline long hcall(u32 nr, u32 a1, u32 a2, u32 a3, u32 a4)
{
	long ret;

	asm volatile("int $0x1f"
		     : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4)
		     : "memory");
	return ret;
}

static inline long hcall0(u32 nr)
{
	return hcall(nr, 0, 0, 0, 0);
}

static inline long hcall1(u32 nr, u32 a1)
{
	return hcall(nr, a1, 0, 0, 0);
}

static inline long hcall2(u32 nr, u32 a1, u32 a2)
{
	return hcall(nr, a1, a2, 0, 0);
}

static inline long hcall3(u32 nr, u32 a1, u32 a2, u32 a3)
{
	return hcall(nr, a1, a2, a3, 0);
}

/*
 * Queues a call without a result in the async ring and returns its slot.  A
 * full ring is drained first with LHCALL_FLUSH_ASYNC, so queueing never fails.
 */
unsigned int hcall_async(u32 nr, u32 a1, u32 a2, u32 a3, u32 a4);
/* Drains the ring now. */
void hcall_flush_async(void);

#endif
