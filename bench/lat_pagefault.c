// SPDX-License-Identifier: GPL-2.0
/*
 * lat_pagefault (lmbench3 method): fault in the pages of a cached file
 * in random order through a fresh shared read-only mapping, then subtract
 * the cost of the same open/mmap/msync/munmap sequence without touching.
 *
 * Both terms are timed as lmbench's benchmp() times them: each is the
 * median of 11 intervals (TRIES), an interval being as many passes as fill
 * at least 50 ms (ENOUGH), so neither the timer nor a one-off cost (under
 * QEMU's TCG, translating the code on first use) weighs on a pass of a
 * millisecond or two.  Unlike lmbench, which times all mapping-only
 * intervals first, we alternate the two kinds, so a slow drift of the host
 * affects both terms alike.  Intervals are wall-clock time, as lmbench's
 * are: on a busy host they take in time given to other processes (in a
 * VM, to other guests), which a single short pass mostly escaped, so
 * compare only runs made on a quiet host.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "common.h"

#define PERM_SEED	0x5eed1234u
#define TRIES		11
#define INTERVAL_NS	50000000ULL

static const struct bench_desc desc = {
	.name = "lat_pagefault",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 16ULL << 20,
	.min_size = 1ULL << 20,
};

/* Passes per interval, found once and kept by later repetitions. */
struct term {
	int touch;
	unsigned long passes;
};

struct ctx {
	const char *path;
	uint32_t *perm;
	size_t pages;
	struct term base, touched;
};

/*
 * One open/mmap/msync(MS_INVALIDATE)/[touch]/munmap pass.  With @window,
 * the touch alone is the repetition's window for the host (common.h):
 * the launcher counts its exits, a page's fault each, where the guest's
 * own figures subtract mapping-only passes from touched ones.
 */
static void map_pass(const struct bench_opts *o, const struct ctx *c,
		     int touch, struct bench_result *window)
{
	size_t page = bench_page_size();
	struct bench_mark m;
	char sum = 0;
	char *p;
	size_t i;
	int fd;

	fd = open(c->path, O_RDONLY);
	if (fd < 0)
		bench_die("open");
	p = bench_mmap(o->size, PROT_READ, MAP_SHARED, fd);
	if (close(fd))
		bench_die("close");
	if (msync(p, o->size, MS_INVALIDATE))
		bench_die("msync");
	if (window && bench_window_begin(&m))
		bench_die("bench_window_begin");
	if (touch)
		for (i = 0; i < c->pages; i++)
			sum += ((volatile char *)p)[(size_t)c->perm[i] * page];
	if (window && bench_window_end(&m, window, c->pages))
		bench_die("bench_window_end");
	bench_munmap(p, o->size);
	bench_sink = sum;
}

/*
 * One interval of at least INTERVAL_NS: returns ns per pass, and adds the
 * interval's passes (as count), minor faults and exits to *acc.  A short
 * interval is run again with more passes, aiming a tenth past the mark.
 */
static double interval(const struct bench_opts *o, const struct ctx *c,
		       struct term *t, struct bench_result *acc)
{
	for (;;) {
		struct bench_result w = { 0 };
		struct bench_mark m;
		unsigned long i;

		if (bench_mark_begin(&m))
			bench_die("bench_mark_begin");
		for (i = 0; i < t->passes; i++)
			map_pass(o, c, t->touch, NULL);
		if (bench_mark_end(&m, &w))
			bench_die("bench_mark_end");
		if (w.ns >= INTERVAL_NS) {
			acc->count += t->passes;
			acc->minflt += w.minflt;
			bench_exits_sum(&acc->exits, &w.exits, 1.0);
			return w.ns / t->passes;
		}
		t->passes = w.ns ? (unsigned long)(t->passes * 1.1 *
						   INTERVAL_NS / w.ns) + 1
				 : t->passes * 8;
	}
}

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	struct ctx *c = ctx;
	double base[TRIES], touched[TRIES];
	struct bench_result b = { 0 }, t = { 0 }, w = { 0 };
	int i;

	for (i = 0; i < TRIES; i++) {
		base[i] = interval(o, c, &c->base, &b);
		touched[i] = interval(o, c, &c->touched, &t);
	}
	/* One more touched pass, outside the figures: the host's window. */
	map_pass(o, c, 1, &w);
	/*
	 * Reported per page: the difference of the medians, over every page
	 * of every touched pass, and the faults of those passes.  Still <= 0
	 * on a very noisy host; bench_run() rejects that.  Exits are the
	 * touched passes' less as many mapping-only passes' (means, as
	 * counts do not need medians).
	 */
	r->count = (uint64_t)c->pages * t.count;
	r->ns = (bench_median(touched, TRIES) - bench_median(base, TRIES)) *
		t.count;
	r->minflt = t.minflt;
	bench_exits_sum(&r->exits, &t.exits, 1.0);
	bench_exits_sum(&r->exits, &b.exits, -(double)t.count / b.count);
}

int main(int argc, char **argv)
{
	struct bench_opts o;
	struct ctx c = { .base = { 0, 1 }, .touched = { 1, 1 } };
	int fd;

	bench_setup(&desc, argc, argv, &o);
	c.pages = o.size / bench_page_size();
	c.perm = malloc(c.pages * sizeof(*c.perm));
	if (!c.perm)
		bench_die("malloc");
	bench_permute(c.perm, c.pages, PERM_SEED);
	fd = bench_tmpfile(&o, o.size, 1, &c.path);
	if (close(fd))
		bench_die("close");
	return bench_run(&desc, &o, run_once, &c);
}
