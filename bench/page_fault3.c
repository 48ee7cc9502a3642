// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault3 (will-it-scale): write faults on a shared file mapping;
 * the page cache page itself is mapped writable, no copy is made.
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault3",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 128ULL << 20,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	bench_fault_once(o, PROT_READ | PROT_WRITE, MAP_SHARED,
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
