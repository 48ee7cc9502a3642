// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault1 (will-it-scale): write faults on fresh anonymous private
 * memory, one byte per page, so every page is a zero-fill fault.
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault1",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE,
	.def_size = 128ULL << 20,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	(void)ctx;
	bench_fault_once(o, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 1, r);
}

int main(int argc, char **argv)
{
	struct bench_opts o;

	bench_setup(&desc, argc, argv, &o);
	return bench_run(&desc, &o, run_once, NULL);
}
