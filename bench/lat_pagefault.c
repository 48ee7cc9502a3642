// SPDX-License-Identifier: GPL-2.0
/*
 * lat_pagefault (lmbench3 method): fault in the pages of a cached file
 * in random order through a fresh shared read-only mapping, then subtract
 * the cost of the same open/mmap/msync/munmap sequence without touching.
 *
 * Like lmbench, which times the mapping cost in a loop of its own, we take
 * the cheapest of several mapping-only passes: a single pass can absorb a
 * one-off cost (under QEMU's TCG, translating the code on first use) that
 * would swamp the per-page difference on a small file.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "common.h"

#define PERM_SEED	0x5eed1234u
#define BASE_PASSES	5

static const struct bench_desc desc = {
	.name = "lat_pagefault",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 16ULL << 20,
	.min_size = 1ULL << 20,
};

struct ctx {
	const char *path;
	uint32_t *perm;
	size_t pages;
};

/* One open/mmap/msync(MS_INVALIDATE)/[touch]/munmap pass; returns ns. */
static uint64_t map_pass(const struct bench_opts *o, const struct ctx *c,
			 int touch)
{
	size_t page = bench_page_size();
	uint64_t t0 = bench_now_ns();
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
	return bench_now_ns() - t0;
}

static void run_once(const struct bench_opts *o, void *ctx,
		     struct bench_result *r)
{
	const struct ctx *c = ctx;
	uint64_t base = UINT64_MAX, total, t;
	long f0, f1;
	int i;

	for (i = 0; i < BASE_PASSES; i++) {
		t = map_pass(o, c, 0);
		if (t < base)
			base = t;
	}
	if (bench_minflt(&f0))
		bench_die("getrusage");
	total = map_pass(o, c, 1);
	if (bench_minflt(&f1))
		bench_die("getrusage");
	/* Still <= 0 on a very noisy host; bench_run() rejects that. */
	r->ns = (double)total - (double)base;
	r->count = c->pages;
	r->minflt = f1 - f0;
}

int main(int argc, char **argv)
{
	struct bench_opts o;
	struct ctx c;
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
