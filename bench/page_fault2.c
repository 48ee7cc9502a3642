// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault2 (will-it-scale): write faults on a private file mapping,
 * so each page is copied away from the page cache (copy-on-write).
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault2",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 128ULL << 20,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	bench_fault_once(o, PROT_READ | PROT_WRITE, MAP_PRIVATE,
			 *(int *)ctx, 1, r);
}

int main(int argc, char **argv)
{
	struct bench_opts o;
	int fd;

	bench_setup(&desc, argc, argv, &o);
	fd = bench_tmpfile(&o, o.size, 0, NULL);
	return bench_run(&desc, &o, run_once, &fd);
}
