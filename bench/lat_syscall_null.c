// SPDX-License-Identifier: GPL-2.0
/*
 * lat_syscall_null: cost of a trivial system call.  getppid is issued via
 * syscall(2) so the C library cannot answer it from a cache.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "lat_syscall_null",
	.kind = BENCH_OP,
	.uses = BENCH_USES_OPS,
	.def_ops = 1000000,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	struct bench_mark m;
	unsigned long i;

	(void)ctx;
	if (bench_window_begin(&m))
		bench_die("bench_window_begin");
	for (i = 0; i < o->ops; i++)
		syscall(SYS_getppid);
	if (bench_window_end(&m, r, o->ops))
		bench_die("bench_window_end");
	r->count = o->ops;
}

int main(int argc, char **argv)
{
	struct bench_opts o;

	bench_setup(&desc, argc, argv, &o);
	return bench_run(&desc, &o, run_once, NULL);
}
