// SPDX-License-Identifier: GPL-2.0
/*
 * /init for the Linux guest's initramfs: the first process of a Linux 6.1
 * kernel running under lg.ko (docs/linux-guest.md).
 *
 * The job is the rest of the guest's command line: the kernel hands
 * whatever follows "--" to init as its arguments, so
 *
 *	launcher -i initrd.cpio -c 'console=hvc0 -- /bench/page_fault1 -n 3' vmlinux
 *
 * runs /bench/page_fault1 -n 3.  init mounts what programs expect, runs the
 * job, prints one line saying how it ended,
 *
 *	init: job exited with status <status>
 *
 * (<status> is the exit code, or 128 + signal number) and stops the guest
 * with that status through reboot(2)'s RESTART2 argument "exit <status>",
 * which the guest kernel passes to the host: the launcher exits with it.
 *
 * Unlike the QEMU VMs' /init (init.c) there is nothing to drain and no
 * port to poke: the console is a hypercall that returns once the launcher
 * has printed the bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/reboot.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void mount_one(const char *type, const char *dir, const char *opts)
{
	mkdir(dir, 0755);
	/* The kernel may have mounted devtmpfs on /dev already. */
	if (mount(type, dir, type, 0, opts) != 0 && errno != EBUSY)
		fprintf(stderr, "init: mount %s on %s: %s\n",
			type, dir, strerror(errno));
}

/*
 * While the job runs, only warnings and worse reach the console, so the
 * kernel's chatter cannot split the job's lines; an oops still shows.
 */
static void quiet_console(void)
{
	FILE *f = fopen("/proc/sys/kernel/printk", "w");

	if (!f || fputs("5\n", f) < 0 || fclose(f))
		perror("init: console loglevel");
}

static int run_job(char **argv)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		perror("init: fork");
		return 126;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "init: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	/* Orphans are reparented to us: reap them until the job itself ends. */
	while (waitpid(-1, &status, 0) != pid)
		if (errno == ECHILD)
			return 126;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	char arg[32];
	int status;

	mount_one("proc", "/proc", NULL);
	mount_one("sysfs", "/sys", NULL);
	mount_one("devtmpfs", "/dev", NULL);
	mount_one("tmpfs", "/tmp", "mode=1777");
	setenv("PATH", "/bin:/sbin:/bench", 1);
	setenv("HOME", "/", 1);
	quiet_console();

	if (argc < 2) {
		fprintf(stderr, "init: no job: give one after '--' on the guest's command line\n");
		status = 127;
	} else {
		status = run_job(argv + 1);
	}
	printf("init: job exited with status %d\n", status);
	fflush(stdout);
	sync();
	snprintf(arg, sizeof(arg), "exit %d", status);
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		LINUX_REBOOT_CMD_RESTART2, arg);
	perror("init: reboot");
	for (;;)
		pause();
}
