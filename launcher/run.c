// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "bench.h"
#include "counters.h"
#include "errmsg.h"
#include "reason.h"
#include "run.h"

/* The host answers -EINTR whenever a signal is pending; just ask again. */
static int xioctl(int fd, unsigned long req, void *arg)
{
	int ret;

	do
		ret = ioctl(fd, req, arg);
	while (ret < 0 && errno == EINTR);
	return ret;
}

/*
 * stdout and the results are written with write(2), so guest output is
 * never held back and a result line goes out whole.
 */
static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

static int open_host(const char *dev)
{
	int fd = open(dev, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		fprintf(stderr, "launcher: cannot open %s: %s%s\n", dev,
			strerror(errno),
			errno == ENOENT || errno == ENODEV || errno == ENXIO ?
			" (is lg.ko loaded?)" : "");
	return fd;
}

static int read_counters(int fd, struct lguest_counters *c)
{
	if (!xioctl(fd, LGUEST_IOC_COUNTERS, c))
		return 0;
	fprintf(stderr, "launcher: reading the counters: %s\n",
		strerror(errno));
	return -1;
}

static void print_counters(int fd)
{
	struct lguest_counters c;
	char line[COUNTERS_LINE_MAX];

	if (read_counters(fd, &c))
		return;
	if (counters_format(&c, line, sizeof(line)) < 0) {
		fprintf(stderr, "launcher: counter line too long\n");
		return;
	}
	fprintf(stderr, "%s\n", line);
}

/*
 * Where the guest was when the host killed it: the registers of its last
 * trip (the trap that ended it, for a kill at a trap).  A guest kernel
 * being ported needs nothing else to find the instruction.
 */
static void print_kill_regs(int fd)
{
	struct lguest_regs r;

	if (xioctl(fd, LGUEST_IOC_GET_REGS, &r)) {
		fprintf(stderr, "launcher: reading the registers: %s\n",
			strerror(errno));
		return;
	}
	fprintf(stderr,
		"launcher: at the kill: trap %u error 0x%x eip %#x:%#x eflags %#x esp %#x:%#x\n"
		"launcher:   eax %#x ebx %#x ecx %#x edx %#x esi %#x edi %#x ebp %#x\n",
		r.trapnum, r.errcode, r.cs, r.eip, r.eflags, r.ss, r.esp,
		r.eax, r.ebx, r.ecx, r.edx, r.esi, r.edi, r.ebp);
}

/*
 * Notes on windows that do not count go to stderr, but no more than this
 * many: a guest marking windows in a loop must not fill the log.
 */
#define WINDOW_NOTES_MAX	16

static void window_note(unsigned int *notes, const char *what,
			const char *err)
{
	if (++*notes <= WINDOW_NOTES_MAX)
		fprintf(stderr, "launcher: %s%s\n", what, err);
}

/*
 * A window the guest marked with LHCALL_NOTIFY: the host's counters now,
 * as the start or the end of it.  Returns 0, or -1 when the counters
 * cannot be read or the result cannot be written: a broken host.
 */
static int handle_notify(int fd, const struct guest *g,
			 struct bench_state *bs, unsigned int *notes,
			 uint32_t value)
{
	struct lguest_bench_window w;
	struct lguest_counters now;
	struct bench_state *s;
	char err[ERR_MAX], lines[BENCH_LINES_MAX];
	enum window_kind kind;

	kind = bench_read_window(g->mem, g->mem_size, value, &w, err);
	if (kind == WINDOW_NONE) {
		snprintf(err, sizeof(err), "notify 0x%x: not a bench window",
			 value);
		window_note(notes, "ignoring ", err);
		return 0;
	}
	if (!g->nwant)
		return 0;	/* no results asked for */
	if (kind == WINDOW_BAD) {
		window_note(notes, "ignoring ", err);
		return 0;
	}
	s = bench_find(bs, g->nwant, &w, err);
	if (!s) {
		window_note(notes, "ignoring ", err);
		return 0;
	}
	if (read_counters(fd, &now))
		return -1;
	if (kind == WINDOW_BEGIN) {
		switch (bench_begin(s, &w, &now, err)) {
		case 1:
			window_note(notes, "", err);
			break;
		case -1:
			window_note(notes, "ignoring ", err);
			break;
		}
		return 0;
	}
	if (bench_end(s, &w, &now, lines, err)) {
		window_note(notes, "ignoring ", err);
		return 0;
	}
	if (write_all(g->results_fd, lines, strlen(lines))) {
		fprintf(stderr, "launcher: writing the results: %s\n",
			strerror(errno));
		return -1;
	}
	return 0;
}

/* At the guest's end: what became of the windows the runner asked for. */
static void report_windows(const struct guest *g, const struct bench_state *bs,
			   unsigned int notes)
{
	unsigned int i;

	if (notes > WINDOW_NOTES_MAX)
		fprintf(stderr, "launcher: %u notes on bench windows in all, %u shown\n",
			notes, WINDOW_NOTES_MAX);
	for (i = 0; i < g->nwant; i++)
		if (bs[i].recorded < g->want[i].reps)
			fprintf(stderr, "launcher: %u of the %u bench windows asked for recorded (%s)\n",
				bs[i].recorded, g->want[i].reps,
				g->want[i].benchmark);
}

/* Serves exits until the guest stops; returns the exit status. */
static int serve(int fd, const struct guest *g)
{
	static struct lguest_exit ex;
	static struct bench_state bs[BENCH_WANT_MAX];
	unsigned int i, notes = 0;
	char reason[LGUEST_DATA_MAX + 1];
	uint32_t len;

	memset(bs, 0, sizeof(bs));
	for (i = 0; i < g->nwant; i++)
		bs[i].want = g->want[i];
	for (;;) {
		if (xioctl(fd, LGUEST_IOC_RUN, &ex)) {
			fprintf(stderr, "launcher: running the guest: %s\n",
				strerror(errno));
			return EXIT_OSERR;
		}
		len = ex.len < LGUEST_DATA_MAX ? ex.len : LGUEST_DATA_MAX;
		switch (ex.reason) {
		case LGUEST_EXIT_CONSOLE:
			if (write_all(STDOUT_FILENO, ex.data, len)) {
				fprintf(stderr, "launcher: writing guest output: %s\n",
					strerror(errno));
				return EXIT_OSERR;
			}
			break;
		case LGUEST_EXIT_NOTIFY:
			if (handle_notify(fd, g, bs, &notes, ex.status))
				return EXIT_OSERR;
			break;
		case LGUEST_EXIT_SHUTDOWN:
			reason_text(ex.data, len, reason, sizeof(reason));
			fprintf(stderr, "launcher: guest shut down: %s (status %u)\n",
				reason, ex.status);
			report_windows(g, bs, notes);
			if (!g->quiet)
				print_counters(fd);
			return shutdown_exit_status(ex.status);
		case LGUEST_EXIT_KILLED:
			reason_text(ex.data, len, reason, sizeof(reason));
			fprintf(stderr, "launcher: guest killed: %s\n", reason);
			report_windows(g, bs, notes);
			if (!g->quiet) {
				print_kill_regs(fd);
				print_counters(fd);
			}
			return EXIT_KILLED;
		default:
			fprintf(stderr, "launcher: unknown exit reason %u from the host\n",
				ex.reason);
			return EXIT_OSERR;
		}
	}
}

int run_guest(const struct guest *g)
{
	int fd, status;

	fd = open_host(g->dev);
	if (fd < 0)
		return EXIT_OSERR;
	if (xioctl(fd, LGUEST_IOC_INIT, (void *)&g->init)) {
		/* The host pins guest memory, which counts as locked memory. */
		fprintf(stderr, "launcher: initializing the guest: %s%s\n",
			strerror(errno), errno == ENOMEM ?
			" (guest memory counts against RLIMIT_MEMLOCK: see ulimit -l)" :
			"");
		close(fd);
		return EXIT_OSERR;
	}
	status = serve(fd, g);
	close(fd);
	return status;
}
