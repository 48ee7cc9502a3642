// SPDX-License-Identifier: GPL-2.0
/*
 * /init for the project's initramfs: the first and only long-lived process
 * in the QEMU-booted kernel.
 *
 * It mounts what programs expect (/proc, /sys, /dev, /tmp, debugfs,
 * tracefs), runs the job the VM runner packed into /job/run.sh, and then
 * tells the runner how the job ended with one line on the console:
 *
 *	LGUEST-M012-EXIT=<status>
 *
 * where <status> is the job's exit code, or 128 + signal number.  The runner
 * trusts only this line: a guest that crashes or hangs never prints it.
 * Finally it leaves QEMU through the isa-debug-exit port, falling back to a
 * reboot (QEMU runs with -no-reboot, so that also ends it).
 *
 * Leaving QEMU drops whatever has not yet crossed the serial line, so first
 * the line is drained: the job's output and the marker, which go through
 * the tty, and the kernel's own messages, which printk writes to the UART
 * by another road (see console_loglevel() and drain_console()).  While
 * the job runs, only warnings and worse reach the console, so that the
 * host's chatter (a module's "info" lines) cannot split the job's lines;
 * an oops, a BUG or a WARNING still shows, for the tests to catch.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/io.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>

#define JOB_SCRIPT	"/job/run.sh"
#define DEBUG_EXIT_PORT	0xf4	/* QEMU -device isa-debug-exit,iobase=0xf4 */
#define CONSOLE_LSR	(0x3f8 + 5)	/* ttyS0's line status register */
#define LSR_TEMT	0x40	/* FIFO and shift register both empty */

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

/*
 * Every open of /dev/console takes and drops the console lock (the kernel's
 * console_device()).  Taking it waits for whoever is printing; dropping it
 * prints every kernel message not yet printed before open() returns, or
 * hands that job to a CPU spinning to print, which then holds the lock.
 */
static void flush_printk(void)
{
	int fd = open("/dev/console", O_WRONLY | O_NOCTTY);

	if (fd >= 0)
		close(fd);
}

/*
 * printk writes each message straight to the UART, between any two bursts
 * of the tty's output: one inside a line of the job's output, or inside
 * the marker, hides it from the tests that read the console.  So: print
 * what is pending, set console_loglevel (only /proc takes 0; syslog(2)
 * keeps emergencies, and the NMI test's are pr_emerg), then wait for a
 * message already past the old level's test.  dmesg still has it all.
 */
static void console_loglevel(const char *level)
{
	size_t len = strlen(level);
	int fd;

	flush_printk();
	fd = open("/proc/sys/kernel/printk", O_WRONLY);
	if (fd < 0 && errno == ENOENT) {
		/* A kernel without /proc/sys (native-guest's): syslog(2). */
		if (klogctl(8, NULL, atoi(level) > 0 ? atoi(level) : 1) < 0)
			perror("init: console_loglevel");
	} else if (fd < 0 || write(fd, level, len) != (ssize_t)len) {
		perror("init: console_loglevel");
	}
	if (fd >= 0)
		close(fd);
	flush_printk();
}

/*
 * tcdrain() waits until the tty and the serial driver hold no more bytes,
 * but it gives the UART itself only twice a FIFO's time.  Under QEMU the
 * transmitter is empty (LSR.TEMT) only once the last byte has been written
 * to the chardev, our console log; waiting for that, however long QEMU's
 * side of the pipe is stalled, is the guarantee.  The VM's timeout bounds it.
 */
static void drain_console(void)
{
	while (tcdrain(STDOUT_FILENO) != 0 && errno == EINTR)
		;
	if (ioperm(CONSOLE_LSR, 1, 1) != 0) {
		perror("init: ioperm for the UART");
		return;
	}
	while (!(inb(CONSOLE_LSR) & LSR_TEMT))
		usleep(1000);
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
	/* Where perf finds lg.ko's trace events. */
	mount_one("tracefs", "/sys/kernel/tracing", NULL);
	setenv("PATH", "/bin:/sbin:/usr/bin:/bench:/lguest", 1);
	setenv("HOME", "/", 1);

	console_loglevel("5\n");
	status = run_job();

	sync();
	console_loglevel("0\n");
	len = snprintf(line, sizeof(line), "\nLGUEST-M012-EXIT=%d\n", status);
	fflush(stdout);
	write(STDOUT_FILENO, line, len);
	drain_console();
	if (ioperm(DEBUG_EXIT_PORT, 1, 1) == 0)
		outb(0, DEBUG_EXIT_PORT);
	reboot(RB_AUTOBOOT);
	for (;;)
		pause();
}
