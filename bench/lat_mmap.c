// SPDX-License-Identifier: GPL-2.0
/*
 * lat_mmap (lmbench method): map a file shared read/write, write one byte
 * every 16 KiB across the first tenth of it, and unmap.
 *
 * As lmbench3's src/lat_mmap.c (domapping(), default mode) does: a
 * MAP_SHARED, PROT_READ|PROT_WRITE mapping and a store per 16 KiB.  The
 * store matters: a shared write fault maps one page, where a read fault
 * would let fault-around map up to 16, so an 8M file costs 52 faults per
 * operation, as lmbench's does, not 13.
 */
#include <sys/mman.h>

#include "common.h"

#define TOUCH_STRIDE	(16 << 10)

static const struct bench_desc desc = {
	.name = "lat_mmap",
	.kind = BENCH_OP,
	.uses = BENCH_USES_SIZE | BENCH_USES_OPS | BENCH_USES_DIR,
	.def_size = 8ULL << 20,
	.def_ops = 50,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	int fd = *(int *)ctx;
	struct bench_mark m;
	unsigned long i;

	if (bench_window_begin(&m))
		bench_die("bench_window_begin");
	for (i = 0; i < o->ops; i++) {
		char *p = bench_mmap(o->size, PROT_READ | PROT_WRITE,
				     MAP_SHARED, fd);

		bench_write_pages(p, o->size / 10, TOUCH_STRIDE);
		bench_munmap(p, o->size);
	}
	if (bench_window_end(&m, r, o->ops))
		bench_die("bench_window_end");
	r->count = o->ops;
}

int main(int argc, char **argv)
{
	struct bench_opts o;
	int fd;

	bench_setup(&desc, argc, argv, &o);
	fd = bench_tmpfile(&o, o.size, 0, NULL);
	return bench_run(&desc, &o, run_once, &fd);
}
