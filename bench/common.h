/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared option parsing, timing, reporting and memory helpers for the
 * page-fault benchmark suite.  Every program prints only lines of the form
 * BENCH,<benchmark>,<metric>,<unit>,<rep>,<value> on stdout.
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exits.h"

#define BENCH_EXIT_OK		0
#define BENCH_EXIT_RUNTIME	1
#define BENCH_EXIT_USAGE	2

#define BENCH_REPS_DEF		5
#define BENCH_REPS_MAX		10000
#define BENCH_WARMUP_DEF	1
#define BENCH_WARMUP_MAX	1000
#define BENCH_OPS_MAX		1000000000ULL
/* Fits a 32-bit size_t and leaves room in a 3 GiB user address space. */
#define BENCH_SIZE_MAX		(1ULL << 31)
#define BENCH_DIR_DEF		"/tmp"
#define BENCH_DIR_MAX		3900

/* Which of the per-benchmark options a program actually uses. */
#define BENCH_USES_SIZE		(1u << 0)
#define BENCH_USES_OPS		(1u << 1)
#define BENCH_USES_DIR		(1u << 2)

enum bench_kind {
	BENCH_FAULT,		/* ns_per_page and minflt_per_page */
	BENCH_FAULT_ITER,	/* those and ns_per_page_iter */
	BENCH_OP,		/* ns_per_op */
};

struct bench_desc {
	const char *name;
	enum bench_kind kind;
	unsigned int uses;		/* BENCH_USES_* */
	uint64_t def_size;		/* bytes, when BENCH_USES_SIZE */
	uint64_t min_size;		/* bytes; at least one page anyway */
	uint64_t def_ops;		/* when BENCH_USES_OPS */
};

struct bench_opts {
	unsigned int reps;
	unsigned int warmup;
	size_t size;
	unsigned long ops;
	const char *dir;
	unsigned int seen;		/* BENCH_USES_* given on command line */
};

/* One repetition's raw measurement, turned into metrics by bench_run(). */
struct bench_result {
	double ns;			/* duration of the timed part */
	double iter_ns;			/* BENCH_FAULT_ITER: the whole iteration */
	uint64_t count;			/* pages touched or operations done */
	long minflt;			/* minor faults in the timed part */
	struct bench_exits exits;	/* under lguest: the timed part's exits */
};

/*
 * A timed window: begin reads the exits, the minor faults, then the clock;
 * end the clock, the faults, then the exits, so the bookkeeping stays
 * outside the time and its exits are subtracted.  end adds the window's
 * time, faults and exits to r.  Both return -1 with errno set on failure,
 * and are safe in a forked child.
 */
struct bench_mark {
	uint64_t t0;
	long f0;
	struct bench_exits e0;
};
int bench_mark_begin(struct bench_mark *m);
int bench_mark_end(const struct bench_mark *m, struct bench_result *r);
/*
 * The same, and under lguest also the host's window of the repetition
 * running (host_window.h), marked just outside the clock: @ops is what the
 * window did, as the launcher's runner counted it in advance (-w), pages
 * or operations.  The one window of a repetition must be marked with
 * these; in warm-up they mark nothing.
 */
int bench_window_begin(struct bench_mark *m);
int bench_window_end(const struct bench_mark *m, struct bench_result *r,
		     uint64_t ops);

enum bench_perr {
	BENCH_PERR_OK = 0,
	BENCH_PERR_EMPTY,
	BENCH_PERR_NOT_NUMBER,
	BENCH_PERR_JUNK,
	BENCH_PERR_OVERFLOW,
};

/* Pure parsing; no output, no exit, safe to call repeatedly. */
int bench_parse_uint(const char *s, uint64_t *out);
int bench_parse_size(const char *s, uint64_t *out);
const char *bench_perr_str(int err);
/* Returns 0 on success, 1 if -h was given, -1 with a message in err. */
int bench_parse_opts(const struct bench_desc *d, int argc, char **argv,
		     struct bench_opts *o, char *err, size_t errlen);
void bench_usage(const struct bench_desc *d, FILE *f);
/* Parses options or exits (2 on bad options, 0 after -h). */
void bench_setup(const struct bench_desc *d, int argc, char **argv,
		 struct bench_opts *o);

/* Fixed-seed pseudo-random page order (Fisher-Yates over xorshift32). */
uint32_t bench_xorshift32(uint32_t *state);
void bench_permute(uint32_t *perm, size_t n, uint32_t seed);

size_t bench_page_size(void);
uint64_t bench_now_ns(void);
int bench_minflt(long *out);
/* Median of v[0..n-1], n >= 1; sorts v. */
double bench_median(double *v, size_t n);

/* Report errors and exit 1; never call these in a forked child. */
void bench_die(const char *what) __attribute__((noreturn));
void bench_errx(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/*
 * Creates a filled file of size bytes in o->dir.  Without keep it is
 * unlinked at once; with keep it is unlinked at exit.  Returns an O_RDWR fd.
 */
int bench_tmpfile(const struct bench_opts *o, size_t size, int keep,
		  const char **path);

void *bench_mmap(size_t len, int prot, int flags, int fd);
void bench_munmap(void *p, size_t len);
void bench_write_pages(char *p, size_t len, size_t step);
void bench_read_pages(const char *p, size_t len, size_t step);
/* Read results are stored here so the compiler keeps the loads. */
extern volatile char bench_sink;
/* Timed touch of every page; returns -1 with errno set on failure. */
int bench_timed_touch(char *p, size_t len, int write,
		      struct bench_result *r);
/*
 * mmap, timed touch of every page, munmap: the page_faultN pattern.  r->ns
 * is the touch alone, r->iter_ns the whole iteration.
 */
void bench_fault_once(const struct bench_opts *o, int prot, int flags,
		      int fd, int write, struct bench_result *r);

typedef void (*bench_fn)(const struct bench_opts *o, void *ctx,
			 struct bench_result *r);
/*
 * The whole main() of a will-it-scale style fault benchmark: a mapping of
 * -s bytes (anonymous, or of a file in -d made once), one touch per page,
 * a write or a read, in every repetition.  It reports ns_per_page (the
 * touch loop: the faults themselves) and ns_per_page_iter (mmap, touch and
 * munmap, as will-it-scale counts an iteration).
 */
int bench_fault_main(const struct bench_desc *d, int argc, char **argv,
		     int prot, int flags, int write);
/* Runs warm-up and measured repetitions and prints result lines. */
int bench_run(const struct bench_desc *d, const struct bench_opts *o,
	      bench_fn fn, void *ctx);

#endif /* BENCH_COMMON_H */
