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
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/reboot.h>
#include <sys/klog.h>
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
 * While the job runs, only errors and worse reach the console, so the
 * kernel's messages cannot split the job's lines (a BENCH line was once
 * found split on a loaded host, where the clocksource watchdog warns); an
 * oops still shows.  The warnings are not lost: init reads them
 * from the kernel's log when the job has ended (report_kernel_warnings()).
 */
static void quiet_console(void)
{
	/*
	 * syslog(2)'s SYSLOG_ACTION_CONSOLE_LEVEL: the guest's kernel has no
	 * /proc/sys, so not its printk file.
	 */
	if (klogctl(8, NULL, 4) < 0)
		perror("init: console loglevel");
}

/*
 * /dev/kmsg, positioned after the last record logged before the job: what
 * the kernel logs from here on is the job's time.
 */
static int open_kernel_log(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);

	if (fd < 0 || lseek(fd, 0, SEEK_END) < 0)
		perror("init: /dev/kmsg");
	return fd;
}

/*
 * Every record of warning level or worse logged during the job, printed as
 * "init: kernel: <message>" once the job's own output is complete.  A
 * record is "<facility * 8 + level>,<seq>,<usec>,<flags>;<message>", one
 * read each; a read of a record overwritten meanwhile fails with EPIPE and
 * the next read goes on from the oldest one left.
 */
static void report_kernel_warnings(int fd)
{
	char rec[1024];
	ssize_t n;

	if (fd < 0)
		return;
	for (;;) {
		char *msg, *end;

		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;
		if (n <= 0)
			break;
		rec[n] = '\0';
		msg = strchr(rec, ';');
		if (!msg || (strtoul(rec, NULL, 10) & 7) > 4)
			continue;
		end = strchr(++msg, '\n');
		if (end)
			*end = '\0';
		printf("init: kernel: %s\n", msg);
	}
	close(fd);
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
	int status, klog;

	mount_one("proc", "/proc", NULL);
	mount_one("sysfs", "/sys", NULL);
	mount_one("devtmpfs", "/dev", NULL);
	mount_one("tmpfs", "/tmp", "mode=1777");
	setenv("PATH", "/bin:/sbin:/bench", 1);
	setenv("HOME", "/", 1);
	quiet_console();
	klog = open_kernel_log();

	if (argc < 2) {
		fprintf(stderr, "init: no job: give one after '--' on the guest's command line\n");
		status = 127;
	} else {
		status = run_job(argv + 1);
	}
	report_kernel_warnings(klog);
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
