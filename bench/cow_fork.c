// SPDX-License-Identifier: GPL-2.0
/*
 * cow_fork: copy-on-write faults after fork.  The parent populates
 * anonymous memory and forks; the child writes every page, timing itself,
 * and sends its measurement back through a pipe.
 */
#include <errno.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "cow_fork",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE,
	.def_size = 32ULL << 20,
};

/* Runs in the child: no exit(), no stdio, so nothing of the parent leaks. */
static void child(char *p, size_t len, int wfd)
{
	struct bench_result r;
	const char *buf = (const char *)&r;
	size_t done = 0;

	if (bench_timed_touch(p, len, 1, &r))
		_exit(1);
	while (done < sizeof(r)) {
		ssize_t n = write(wfd, buf + done, sizeof(r) - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(1);
		done += (size_t)n;
	}
	_exit(0);
}

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	char *p = bench_mmap(o->size, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1);
	char *buf = (char *)r;
	size_t done = 0;
	int fds[2], status;
	pid_t pid;

	(void)ctx;
	bench_write_pages(p, o->size, bench_page_size());
	if (pipe(fds))
		bench_die("pipe");
	pid = fork();
	if (pid < 0)
		bench_die("fork");
	if (pid == 0) {
		close(fds[0]);
		child(p, o->size, fds[1]);
	}
	close(fds[1]);
	while (done < sizeof(*r)) {
		ssize_t n = read(fds[0], buf + done, sizeof(*r) - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			bench_die("read from child");
		if (n == 0)
			break;
		done += (size_t)n;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			bench_die("waitpid");
	if (done != sizeof(*r) || !WIFEXITED(status) || WEXITSTATUS(status))
		bench_errx("child failed to measure (status 0x%x)", status);
	bench_munmap(p, o->size);
}

int main(int argc, char **argv)
{
	struct bench_opts o;

	bench_setup(&desc, argc, argv, &o);
	return bench_run(&desc, &o, run_once, NULL);
}
