// SPDX-License-Identifier: GPL-2.0
/*
 * A guest outlives the task that ran it.  The parent opens /dev/lguest and
 * INITs (the guest's memory is the parent's, pinned then); a child shares
 * the file and runs the guest, wait_irq, until it says it is armed, then
 * exits, or is killed in the middle of a halt.  Once the child is reaped,
 * the guest's timer fires and the parent raises an interrupt: neither may
 * touch the dead child.  The host VM runs with slab poisoning
 * (slub_debug), so a write to the freed task shows.  Then the parent runs
 * the guest to its end.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"
#include "wait_irq.h"

/* In the child: RUN until the guest is armed; then halt there if asked. */
static void child_runs(int fd, int ready, int halt)
{
	struct lguest_exit e;
	int err = abi_run(fd, &e);

	if (err || e.reason != LGUEST_EXIT_NOTIFY || e.status != WAIT_IRQ_ARMED) {
		printf("FAIL: child: run gave errno %d, exit reason %u status %#x, want the armed notification\n",
		       err, e.reason, e.status);
		_exit(1);
	}
	if (!halt)
		_exit(0);
	if (write(ready, "", 1) != 1)
		_exit(2);
	abi_run(fd, &e);
	printf("FAIL: child: the halted guest came back (reason %u)\n",
	       e.reason);
	_exit(1);
}

/*
 * Runs the guest in a child until it is armed and returns with the child
 * reaped: the child exited by itself, or with @kill_halted was killed
 * while the guest was halted.
 */
static void child_dies(int fd, int kill_halted, const char *what)
{
	int pipefd[2], status;
	char c;
	pid_t pid;

	if (pipe(pipefd)) {
		perror("pipe");
		_exit(2);
	}
	pid = fork();
	if (pid == 0)
		child_runs(fd, pipefd[1], kill_halted);
	if (kill_halted) {
		check(read(pipefd[0], &c, 1) == 1, "%s: the child ran the guest",
		      what);
		usleep(100000);		/* into the halt */
		kill(pid, SIGKILL);
	}
	waitpid(pid, &status, 0);
	if (kill_halted)
		check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		      "%s: the child died of SIGKILL (status %#x)", what, status);
	else
		check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "%s: the child saw the guest armed (status %#x)", what,
		      status);
	close(pipefd[0]);
	close(pipefd[1]);
	/* The freed task_struct is poisoned after an RCU grace period. */
	usleep(200000);
}

static void raise_line(int fd, __u32 line, const char *what)
{
	check(ioctl(fd, LGUEST_IOC_IRQ, &line) == 0, "%s: IOC_IRQ %u", what,
	      line);
}

static void one_case(const char *cmdline, int kill_halted, __u32 line,
		     const char *what)
{
	struct lguest_exit e;
	struct guest g;
	int fd;

	abi_load(cmdline, 4u << 20, &g);
	fd = abi_open();
	check(ioctl(fd, LGUEST_IOC_INIT, &g.init) == 0, "%s: init", what);
	child_dies(fd, kill_halted, what);
	raise_line(fd, line, what);
	raise_line(fd, line, what);
	abi_expect_shutdown(what, abi_run(fd, &e), &e);
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* The 50 ms timer fires after the child is gone. */
	one_case("timer_ns=50000000 notify=1", 0, LGUEST_IRQ_TIMER,
		 "exited, timer armed");
	one_case("timer_ns=0 irq=5 notify=1", 1, 5, "killed while halted");
	return check_summary("task_lifetime");
}
