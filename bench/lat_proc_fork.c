// SPDX-License-Identifier: GPL-2.0
/*
 * lat_proc_fork (lmbench lat_proc fork): cost of fork, an immediate
 * exit in the child and waitpid in the parent.
 *
 * The child ends with exit(), as lmbench's does, so its cost includes the
 * C library's teardown (atexit handlers, stdio flush).  stdout holds
 * nothing to flush twice: bench_run() flushes it after every repetition.
 * The one difference: the child exits with 0, not lmbench's 1, so the
 * parent can tell a clean exit from a crash.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "lat_proc_fork",
	.kind = BENCH_OP,
	.uses = BENCH_USES_OPS,
	.def_ops = 200,
};

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	struct bench_mark m;
	unsigned long i;

	(void)ctx;
	if (bench_window_begin(&m))
		bench_die("bench_window_begin");
	for (i = 0; i < o->ops; i++) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			bench_die("fork");
		if (pid == 0)
			exit(0);
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR)
				bench_die("waitpid");
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			bench_errx("child ended abnormally (status 0x%x)",
				   status);
	}
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
