// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault4: read faults on a private file mapping.  Fault-around may
 * map up to 16 cached pages per fault, so minflt_per_page is often < 1.
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault4",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 128ULL << 20,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	bench_fault_once(o, PROT_READ, MAP_PRIVATE, *(int *)ctx, 0, r);
}

int main(int argc, char **argv)
{
	struct bench_opts o;
	int fd;

	bench_setup(&desc, argc, argv, &o);
	fd = bench_tmpfile(&o, o.size, 0, NULL);
	return bench_run(&desc, &o, run_once, &fd);
}
