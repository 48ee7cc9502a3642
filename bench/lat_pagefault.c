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

/* One open/mmap/msync(MS_INVALIDATE)/[touch]/munmap pass. */
static void map_pass(const struct bench_opts *o, const struct ctx *c,
		     int touch)
{
	size_t page = bench_page_size();
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
	if (touch)
		for (i = 0; i < c->pages; i++)
			sum += ((volatile char *)p)[(size_t)c->perm[i] * page];
	bench_munmap(p, o->size);
	bench_sink = sum;
}

/*
 * One interval of at least INTERVAL_NS: returns ns per pass and adds the
 * interval's minor faults to *faults, unless that is NULL.  A short interval is run again with
 * more passes, aiming a tenth past the mark.
 */
static double interval(const struct bench_opts *o, const struct ctx *c,
		       struct term *t, long *faults)
{
	for (;;) {
		uint64_t t0, ns;
		unsigned long i;
		long f0, f1;

		if (bench_minflt(&f0))
			bench_die("getrusage");
		t0 = bench_now_ns();
		for (i = 0; i < t->passes; i++)
			map_pass(o, c, t->touch);
		ns = bench_now_ns() - t0;
		if (bench_minflt(&f1))
			bench_die("getrusage");
		if (ns >= INTERVAL_NS) {
			if (faults)
				*faults += f1 - f0;
			return (double)ns / t->passes;
		}
		t->passes = ns ? (unsigned long)(t->passes * 1.1 *
						 INTERVAL_NS / ns) + 1
			       : t->passes * 8;
	}
}

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	struct ctx *c = ctx;
	double base[TRIES], touched[TRIES];
	long faults = 0;
	unsigned long passes = 0;
	int i;

	for (i = 0; i < TRIES; i++) {
		base[i] = interval(o, c, &c->base, NULL);
		touched[i] = interval(o, c, &c->touched, &faults);
		passes += c->touched.passes;
	}
	/*
	 * Reported per page: the difference of the medians, over every page
	 * of every touched pass, and the faults of those passes.  Still <= 0
	 * on a very noisy host; bench_run() rejects that.
	 */
	r->count = (uint64_t)c->pages * passes;
	r->ns = (bench_median(touched, TRIES) - bench_median(base, TRIES)) *
		passes;
	r->minflt = faults;
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
