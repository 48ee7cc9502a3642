// SPDX-License-Identifier: GPL-2.0
/*
 * /init for the project's initramfs: the first and only long-lived process
 * in the QEMU-booted kernel.
 *
 * It mounts what programs expect (/proc, /sys, /dev, /tmp, debugfs), runs
 * the job the VM runner packed into /job/run.sh, and then tells the runner
 * how the job ended with one line on the console:
 *
 *	LGUEST-M012-EXIT=<status>
 *
 * where <status> is the job's exit code, or 128 + signal number.  The runner
 * trusts only this line: a guest that crashes or hangs never prints it.
 * Finally it leaves QEMU through the isa-debug-exit port, falling back to a
 * reboot (QEMU runs with -no-reboot, so that also ends it).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define JOB_SCRIPT	"/job/run.sh"
#define DEBUG_EXIT_PORT	0xf4	/* QEMU -device isa-debug-exit,iobase=0xf4 */

static void mount_one(const char *type, const char *dir, const char *opts)
{
	mkdir(dir, 0755);
	if (mount(type, dir, type, 0, opts) != 0)
		fprintf(stderr, "init: mount %s on %s: %s\n",
			type, dir, strerror(errno));
}

static int run_job(void)
{
	int status;
	pid_t pid;

	if (access(JOB_SCRIPT, R_OK) != 0) {
		fprintf(stderr, "init: no %s in the initramfs\n", JOB_SCRIPT);
		return 127;
	}
	pid = fork();
	if (pid < 0) {
		perror("init: fork");
		return 127;
	}
	if (pid == 0) {
		chdir("/job");
		execl("/bin/sh", "sh", JOB_SCRIPT, (char *)NULL);
		perror("init: exec /bin/sh");
		_exit(127);
	}
	/* Orphans are re-parented to us too: wait for the job itself. */
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 127;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int main(void)
{
	char line[32];
	int status, len;

	mount_one("proc", "/proc", NULL);
	mount_one("sysfs", "/sys", NULL);
	mount_one("devtmpfs", "/dev", NULL);
	mount_one("tmpfs", "/tmp", "mode=1777");
	mount_one("debugfs", "/sys/kernel/debug", NULL);
	setenv("PATH", "/bin:/sbin:/bench:/lguest", 1);
	setenv("HOME", "/", 1);

	status = run_job();

	sync();
	/* One write, so kernel messages cannot split the line. */
	len = snprintf(line, sizeof(line), "\nLGUEST-M012-EXIT=%d\n", status);
	fflush(stdout);
	write(STDOUT_FILENO, line, len);
	if (ioperm(DEBUG_EXIT_PORT, 1, 1) == 0)
		outb(0, DEBUG_EXIT_PORT);
	reboot(RB_AUTOBOOT);
	for (;;)
		pause();
}
