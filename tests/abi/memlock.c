// SPDX-License-Identifier: GPL-2.0
/*
 * Pinned guest memory is locked memory: it counts against RLIMIT_MEMLOCK
 * like mlock(), and comes off again when the guest goes, whoever closes
 * the file.  Root is exempt (CAP_IPC_LOCK), so after setting the limit this
 * drops to nobody; /dev/lguest must be open to all (chmod 0666).
 *
 * The limit is 6 MiB, 16 MiB hard: INIT of 8 MiB fails with ENOMEM, of
 * 4 MiB succeeds, twice only one after the other.  A failed INIT leaves the
 * file as it was: after raising the limit, INIT on the same file works and
 * the guest runs.
 */
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"

#define MIB		(1u << 20)
#define LIMIT		(6 * MIB)
#define HARD_LIMIT	(16 * MIB)
#define NOBODY		65534

static int init_errno(int fd, const struct guest *g)
{
	return ioctl(fd, LGUEST_IOC_INIT, &g->init) ? errno : 0;
}

static void expect_init(const char *what, int fd, const struct guest *g,
			int want)
{
	int got = init_errno(fd, g);

	check(got == want, "%s: INIT of %u MiB gave errno %d (%s), want %d (%s)",
	      what, g->mem_size / MIB, got, strerror(got), want, strerror(want));
}

/* This process's locked memory as the kernel counts it, in KiB. */
static long vm_locked_kib(void)
{
	char line[128];
	long kib = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmLck: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

static void expect_locked(const char *what, long kib)
{
	long got = vm_locked_kib();

	check(got == kib, "%s: VmLck %ld kB, want %ld kB", what, got, kib);
}

static void set_limit(rlim_t soft)
{
	struct rlimit r = { .rlim_cur = soft, .rlim_max = HARD_LIMIT };

	if (setrlimit(RLIMIT_MEMLOCK, &r)) {
		perror("setrlimit");
		_exit(2);
	}
}

static void drop_privileges(void)
{
	if (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY)) {
		perror("dropping to nobody");
		_exit(2);
	}
}

/*
 * INIT fails after the memory is pinned and charged: both are undone, and
 * the same file takes a good INIT afterwards.
 */
static void bad_pgdir_after_pinning(const struct guest *small)
{
	struct guest bad = *small;
	int fd = abi_open();

	bad.init.pgdir = small->mem_size;
	expect_init("pgdir out of range", fd, &bad, EINVAL);
	expect_locked("after the late failure", 0);
	expect_init("retry after the late failure", fd, small, 0);
	close(fd);
}

/* The last close, in another process, uncharges the one that pinned. */
static void closed_by_child(const struct guest *small)
{
	int fd = abi_open(), status;
	pid_t pid;

	expect_init("before fork", fd, small, 0);
	pid = fork();
	if (pid == 0) {
		usleep(100000);	/* the parent closes its copy first */
		close(fd);
		_exit(0);
	}
	close(fd);
	expect_locked("closed here, open in the child", small->mem_size / 1024);
	waitpid(pid, &status, 0);
	expect_locked("closed in the child too", 0);
}

/* The process that pinned exits first; the charge has nowhere to go. */
static void pinner_exits_first(const struct guest *small)
{
	int fd = abi_open(), status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(init_errno(fd, small) ? 1 : 0);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "INIT in a child that then exits");
	close(fd);
	expect_locked("after the child's guest went", 0);
}

int main(void)
{
	struct guest big, small;
	struct lguest_exit e;
	int fd1, fd2, fd3;

	setvbuf(stdout, NULL, _IOLBF, 0);
	abi_load(NULL, 8 * MIB, &big);
	abi_load(NULL, 4 * MIB, &small);
	set_limit(LIMIT);
	drop_privileges();

	fd1 = abi_open();
	expect_init("past the limit", fd1, &big, ENOMEM);
	expect_locked("after the refused INIT", 0);

	fd2 = abi_open();
	expect_init("within the limit", fd2, &small, 0);
	expect_locked("after INIT", 4 * 1024);
	fd3 = abi_open();
	expect_init("a second guest past the limit", fd3, &small, ENOMEM);
	close(fd2);
	expect_locked("after close", 0);
	expect_init("the second guest, the first one gone", fd3, &small, 0);
	close(fd3);
	bad_pgdir_after_pinning(&small);

	closed_by_child(&small);
	pinner_exits_first(&small);

	/* The limit raised, the file that failed gets its guest after all. */
	set_limit(HARD_LIMIT);
	expect_init("retry on the same file", fd1, &big, 0);
	abi_expect_shutdown("the retried guest", abi_run(fd1, &e), &e);
	close(fd1);
	expect_locked("at the end", 0);
	return check_summary("memlock");
}
