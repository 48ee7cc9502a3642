/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time from the TSC, scaled by the host's lguest_data.tsc_khz.  Division of
 * 64-bit values is done with divl here: the guests link no libgcc.
 */
#ifndef GUEST_TSC_H
#define GUEST_TSC_H

#include "guest.h"

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* n / d, with the remainder in *rem if rem is not NULL. */
static inline u64 div64_u32(u64 n, u32 d, u32 *rem)
{
	u32 hi = (u32)(n >> 32), lo = (u32)n, qhi = hi / d, qlo, r;

	/* hi % d < d, so the quotient of the second step fits 32 bits. */
	asm("divl %4" : "=a"(qlo), "=d"(r) : "a"(lo), "d"(hi % d), "rm"(d));
	if (rem)
		*rem = r;
	return ((u64)qhi << 32) | qlo;
}

/* Nanoseconds in cycles at khz kHz, split so nothing overflows. */
static inline u64 cycles_to_ns(u64 cycles, u32 khz)
{
	u32 rem;
	u64 ms = div64_u32(cycles, khz, &rem);

	return ms * 1000000 + div64_u32((u64)rem * 1000000, khz, NULL);
}

#endif
