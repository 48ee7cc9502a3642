/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A seeded pseudo-random sequence for the fuzzers: xorshift32, the same
 * numbers from the same seed on every build, so a failure's seed replays
 * it.  Header-only and libc-free, so that the guests and the programs run
 * in the host VM (tests/abi) share it.
 */
#ifndef GUEST_RAND_H
#define GUEST_RAND_H

#include <stdbool.h>
#include <stdint.h>

struct rand_state {
	uint32_t x;
};

/* A zero state would stay zero: any seed is fine, 0 included. */
static inline void rand_seed(struct rand_state *r, uint32_t seed)
{
	r->x = seed ? seed : 0x9e3779b9u;
}

static inline uint32_t rand_next(struct rand_state *r)
{
	uint32_t x = r->x;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	r->x = x;
	return x;
}

/* True with probability pct / 100. */
static inline bool rand_chance(struct rand_state *r, uint32_t pct)
{
	return rand_next(r) % 100 < pct;
}

/* One of n values, n > 0. */
static inline uint32_t rand_below(struct rand_state *r, uint32_t n)
{
	return rand_next(r) % n;
}

#endif
