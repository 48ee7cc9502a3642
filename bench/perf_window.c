// SPDX-License-Identifier: GPL-2.0
/*
 * perf stat's windows, opened and closed by the program it counts.
 *
 * perf-count runs the program as `perf stat -D -1 --control fd:CTL,ACK`:
 * perf's counters start off, perf listens on CTL for "enable" and
 * "disable", and answers each with "ack\n" on ACK.  The program waits for
 * every answer, so a repetition's page faults fall inside perf's window
 * exactly when they fall inside getrusage's.  getrusage counts the program
 * and the children it has reaped (RUSAGE_SELF + RUSAGE_CHILDREN): perf
 * counts children too, as they inherit its counters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "common.h"
#include "perf_window.h"

static int ctl_fd = -1, ack_fd = -1;

static long faults_now(void)
{
	struct rusage self, children;

	if (getrusage(RUSAGE_SELF, &self) || getrusage(RUSAGE_CHILDREN, &children))
		bench_die("getrusage");
	return self.ru_minflt + children.ru_minflt;
}

/* One command to perf, and its acknowledgement: "ack\n" and its NUL. */
static void command(const char *cmd)
{
	static const char want[] = "ack\n";
	size_t len = strlen(cmd), got = 0;
	char ack[sizeof(want)];

	while (len) {
		ssize_t n = write(ctl_fd, cmd, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			bench_die("write to perf's control fd");
		cmd += n;
		len -= (size_t)n;
	}
	while (got < sizeof(ack)) {
		ssize_t n = read(ack_fd, ack + got, sizeof(ack) - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			bench_die("read perf's ack");
		got += (size_t)n;
	}
	if (memcmp(ack, want, sizeof(ack)))
		bench_errx("perf answered '%.3s', not ack", ack);
}

void bench_perf_init(void)
{
	const char *s = getenv("BENCH_PERF_CTL");
	char extra;

	if (!s)
		return;
	if (sscanf(s, "%d,%d%c", &ctl_fd, &ack_fd, &extra) != 2 ||
	    ctl_fd < 0 || ack_fd < 0)
		bench_errx("BENCH_PERF_CTL='%s': want CTL_FD,ACK_FD", s);
	/* Every page the windows' edges use, in before the first window. */
	faults_now();
	command("ping\n");
}

void bench_perf_begin(struct bench_perf_window *w)
{
	if (ctl_fd < 0)
		return;
	command("enable\n");
	w->f0 = faults_now();
}

void bench_perf_end(struct bench_perf_window *w)
{
	long f1;

	if (ctl_fd < 0)
		return;
	f1 = faults_now();
	command("disable\n");
	w->faults += f1 - w->f0;
}

void bench_perf_report(const char *name, const struct bench_perf_window *w)
{
	if (ctl_fd >= 0)
		printf("BENCH-FAULTS,%s,%ld\n", name, w->faults);
}
