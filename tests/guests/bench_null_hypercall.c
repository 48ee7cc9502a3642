// SPDX-License-Identifier: GPL-2.0
/* The cost of the cheapest trip to the host and back: LHCALL_NOP. */
#include "bench.h"
#include "hcall.h"

static void run(u32 ops)
{
	while (ops--)
		hcall0(LHCALL_NOP);
}

int main(void)
{
	static const struct bench b = {
		.name = "null_hypercall",
		.def_ops = 100000,
		.run = run,
	};

	return bench_main(&b);
}
