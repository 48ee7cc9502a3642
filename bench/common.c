// SPDX-License-Identifier: GPL-2.0
/*
 * Shared code for the page-fault benchmark suite: option parsing, timing,
 * temporary files, page touching and result reporting.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "host_window.h"
#include "perf_window.h"

static const char *bench_name = "bench";
static char tmp_path[BENCH_DIR_MAX + 64];
volatile char bench_sink;

/* Digits only: no sign, no blanks, no base prefix, so typos are caught. */
static int parse_digits(const char **sp, uint64_t *out)
{
	const char *s = *sp;
	uint64_t v = 0;

	if (*s < '0' || *s > '9')
		return BENCH_PERR_NOT_NUMBER;
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned int digit = *s - '0';

		if (v > (UINT64_MAX - digit) / 10)
			return BENCH_PERR_OVERFLOW;
		v = v * 10 + digit;
	}
	*sp = s;
	*out = v;
	return BENCH_PERR_OK;
}

int bench_parse_uint(const char *s, uint64_t *out)
{
	uint64_t v;
	int err;

	if (!s || !*s)
		return BENCH_PERR_EMPTY;
	err = parse_digits(&s, &v);
	if (err)
		return err;
	if (*s)
		return BENCH_PERR_JUNK;
	*out = v;
	return BENCH_PERR_OK;
}

int bench_parse_size(const char *s, uint64_t *out)
{
	unsigned int shift = 0;
	uint64_t v;
	int err;

	if (!s || !*s)
		return BENCH_PERR_EMPTY;
	err = parse_digits(&s, &v);
	if (err)
		return err;
	switch (*s) {
	case 'k': case 'K':
		shift = 10;
		break;
	case 'm': case 'M':
		shift = 20;
		break;
	case 'g': case 'G':
		shift = 30;
		break;
	}
	if (shift)
		s++;
	if (*s)
		return BENCH_PERR_JUNK;
	if (v > (UINT64_MAX >> shift))
		return BENCH_PERR_OVERFLOW;
	*out = v << shift;
	return BENCH_PERR_OK;
}

const char *bench_perr_str(int err)
{
	switch (err) {
	case BENCH_PERR_OK:
		return "ok";
	case BENCH_PERR_EMPTY:
		return "empty value";
	case BENCH_PERR_NOT_NUMBER:
		return "not a non-negative decimal number";
	case BENCH_PERR_JUNK:
		return "trailing junk after the number";
	case BENCH_PERR_OVERFLOW:
		return "number too large";
	}
	return "unknown error";
}

/* Human form of a byte count for usage and error text, e.g. "16M". */
static const char *fmt_size(uint64_t v, char *buf, size_t len)
{
	static const char units[] = "GMK";
	unsigned int i;

	for (i = 0; i < 3; i++) {
		unsigned int shift = 30 - 10 * i;

		if (v && !(v & ((1ULL << shift) - 1))) {
			snprintf(buf, len, "%llu%c",
				 (unsigned long long)(v >> shift), units[i]);
			return buf;
		}
	}
	snprintf(buf, len, "%llu", (unsigned long long)v);
	return buf;
}

static int opt_uint(char opt, const char *val, uint64_t min, uint64_t max,
		    uint64_t *out, char *err, size_t errlen)
{
	int e = bench_parse_uint(val, out);

	if (e) {
		snprintf(err, errlen, "option -%c: '%s': %s", opt, val,
			 bench_perr_str(e));
		return -1;
	}
	if (*out < min || *out > max) {
		snprintf(err, errlen, "option -%c: '%s': out of range %llu..%llu",
			 opt, val, (unsigned long long)min,
			 (unsigned long long)max);
		return -1;
	}
	return 0;
}

static int opt_size(const struct bench_desc *d, const char *val,
		    uint64_t *out, char *err, size_t errlen)
{
	uint64_t page = bench_page_size();
	uint64_t min = d->min_size > page ? d->min_size : page;
	char lo[32], hi[32];
	int e = bench_parse_size(val, out);

	if (e) {
		snprintf(err, errlen, "option -s: '%s': %s", val,
			 bench_perr_str(e));
		return -1;
	}
	if (*out < min || *out > BENCH_SIZE_MAX) {
		snprintf(err, errlen, "option -s: '%s': out of range %s..%s",
			 val, fmt_size(min, lo, sizeof(lo)),
			 fmt_size(BENCH_SIZE_MAX, hi, sizeof(hi)));
		return -1;
	}
	if (*out % page) {
		snprintf(err, errlen,
			 "option -s: '%s': not a multiple of the page size %llu",
			 val, (unsigned long long)page);
		return -1;
	}
	return 0;
}

/* Applies one option's value; returns -1 with a message in err. */
static int set_opt(const struct bench_desc *d, struct bench_opts *o,
		   char opt, const char *val, char *err, size_t errlen)
{
	uint64_t v;

	switch (opt) {
	case 'r':
		if (opt_uint(opt, val, 1, BENCH_REPS_MAX, &v, err, errlen))
			return -1;
		o->reps = (unsigned int)v;
		break;
	case 'w':
		if (opt_uint(opt, val, 0, BENCH_WARMUP_MAX, &v, err, errlen))
			return -1;
		o->warmup = (unsigned int)v;
		break;
	case 'n':
		if (opt_uint(opt, val, 1, BENCH_OPS_MAX, &v, err, errlen))
			return -1;
		o->ops = (unsigned long)v;
		o->seen |= BENCH_USES_OPS;
		break;
	case 's':
		if (opt_size(d, val, &v, err, errlen))
			return -1;
		o->size = (size_t)v;
		o->seen |= BENCH_USES_SIZE;
		break;
	case 'd':
		if (!*val || strlen(val) > BENCH_DIR_MAX) {
			snprintf(err, errlen,
				 "option -d: directory name empty or longer than %d",
				 BENCH_DIR_MAX);
			return -1;
		}
		o->dir = val;
		o->seen |= BENCH_USES_DIR;
		break;
	}
	return 0;
}

/*
 * A small hand-written parser instead of getopt(3): it keeps no global
 * state, so the unit test can call it any number of times.
 */
int bench_parse_opts(const struct bench_desc *d, int argc, char **argv,
		     struct bench_opts *o, char *err, size_t errlen)
{
	int i;

	o->reps = BENCH_REPS_DEF;
	o->warmup = BENCH_WARMUP_DEF;
	o->size = (size_t)d->def_size;
	o->ops = (unsigned long)d->def_ops;
	o->dir = BENCH_DIR_DEF;
	o->seen = 0;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i], *val;

		if (!strcmp(arg, "--") && i + 1 == argc)
			break;
		if (arg[0] != '-' || !arg[1] || !strcmp(arg, "--")) {
			arg = strcmp(arg, "--") ? arg : argv[i + 1];
			snprintf(err, errlen, "unexpected argument '%s'", arg);
			return -1;
		}
		if (!strchr("rwsndh", arg[1]) || (arg[1] == 'h' && arg[2])) {
			snprintf(err, errlen, "unknown option '%s'", arg);
			return -1;
		}
		if (arg[1] == 'h')
			return 1;
		/* Both "-r5" and "-r 5" are accepted. */
		if (arg[2]) {
			val = arg + 2;
		} else if (i + 1 < argc) {
			val = argv[++i];
		} else {
			snprintf(err, errlen, "option -%c requires an argument",
				 arg[1]);
			return -1;
		}
		if (set_opt(d, o, arg[1], val, err, errlen))
			return -1;
	}
	return 0;
}

void bench_usage(const struct bench_desc *d, FILE *f)
{
	const char *unused = " (not used by this benchmark)";
	char buf[32];

	fprintf(f, "usage: %s [-r N] [-w N] [-s SIZE] [-n N] [-d DIR] [-h]\n",
		d->name);
	fprintf(f, "  -r N     measured repetitions, 1..%d (default %d)\n",
		BENCH_REPS_MAX, BENCH_REPS_DEF);
	fprintf(f, "  -w N     unreported warm-up repetitions, 0..%d (default %d)\n",
		BENCH_WARMUP_MAX, BENCH_WARMUP_DEF);
	if (d->uses & BENCH_USES_SIZE)
		fprintf(f, "  -s SIZE  bytes, K/M/G suffix, page multiple (default %s)\n",
			fmt_size(d->def_size, buf, sizeof(buf)));
	else
		fprintf(f, "  -s SIZE  bytes%s\n", unused);
	if (d->uses & BENCH_USES_OPS)
		fprintf(f, "  -n N     operations per repetition, 1..%llu (default %llu)\n",
			BENCH_OPS_MAX, (unsigned long long)d->def_ops);
	else
		fprintf(f, "  -n N     operations per repetition%s\n", unused);
	if (d->uses & BENCH_USES_DIR)
		fprintf(f, "  -d DIR   directory for temporary files (default %s)\n",
			BENCH_DIR_DEF);
	else
		fprintf(f, "  -d DIR   directory for temporary files%s\n",
			unused);
	fprintf(f, "  -h       this help\n");
	fprintf(f, "stdout: BENCH,<benchmark>,<metric>,<unit>,<rep>,<value>\n");
}

void bench_setup(const struct bench_desc *d, int argc, char **argv,
		 struct bench_opts *o)
{
	static const char names[] = "snd";
	char err[256];
	unsigned int i, ignored;
	int ret;

	bench_name = d->name;
	ret = bench_parse_opts(d, argc, argv, o, err, sizeof(err));
	if (ret < 0) {
		fprintf(stderr, "%s: %s\n", d->name, err);
		bench_usage(d, stderr);
		exit(BENCH_EXIT_USAGE);
	}
	/* Usage goes to stderr too: stdout carries only result lines. */
	if (ret > 0) {
		bench_usage(d, stderr);
		exit(BENCH_EXIT_OK);
	}
	/* Shared driver scripts may pass every option; just say so. */
	ignored = o->seen & ~d->uses;
	for (i = 0; i < 3; i++)
		if (ignored & (1u << i))
			fprintf(stderr, "%s: note: -%c has no effect here\n",
				d->name, names[i]);
}

uint32_t bench_xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

void bench_permute(uint32_t *perm, size_t n, uint32_t seed)
{
	uint32_t state = seed ? seed : 0x9e3779b9u;	/* 0 is a fixpoint */
	size_t i;

	for (i = 0; i < n; i++)
		perm[i] = (uint32_t)i;
	for (i = n; i > 1; i--) {
		size_t j = bench_xorshift32(&state) % i;
		uint32_t t = perm[i - 1];

		perm[i - 1] = perm[j];
		perm[j] = t;
	}
}

size_t bench_page_size(void)
{
	static size_t page;

	if (!page) {
		long v = sysconf(_SC_PAGESIZE);

		page = v > 0 ? (size_t)v : 4096;
	}
	return page;
}

uint64_t bench_now_ns(void)
{
	struct timespec ts;

	/* Cannot fail for CLOCK_MONOTONIC; no error path needed in children. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

int bench_minflt(long *out)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return -1;
	*out = ru.ru_minflt;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void bench_die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", bench_name, what, strerror(errno));
	exit(BENCH_EXIT_RUNTIME);
}

void bench_errx(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", bench_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(BENCH_EXIT_RUNTIME);
}

static void remove_tmpfile(void)
{
	if (tmp_path[0])
		unlink(tmp_path);
	tmp_path[0] = '\0';
}

static void fill_fd(int fd, size_t size)
{
	static char buf[65536];
	size_t i, done = 0;

	/* Non-zero data so the file is really backed by pages. */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i % 251 + 1);
	while (done < size) {
		size_t chunk = size - done < sizeof(buf) ? size - done
							  : sizeof(buf);
		ssize_t n = write(fd, buf, chunk);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			bench_die("write temporary file");
		}
		done += (size_t)n;
	}
}

int bench_tmpfile(const struct bench_opts *o, size_t size, int keep,
		  const char **path)
{
	static int registered;
	int fd;

	if (tmp_path[0])
		bench_errx("internal error: only one temporary file is kept");
	snprintf(tmp_path, sizeof(tmp_path), "%s/bench-%s-XXXXXX", o->dir,
		 bench_name);
	if (!registered) {
		if (atexit(remove_tmpfile))
			bench_errx("atexit failed");
		registered = 1;
	}
	fd = mkstemp(tmp_path);
	if (fd < 0) {
		char what[sizeof(tmp_path) + 32];
		int e = errno;

		snprintf(what, sizeof(what), "create temporary file in %s",
			 o->dir);
		tmp_path[0] = '\0';
		errno = e;
		bench_die(what);
	}
	fill_fd(fd, size);
	if (!keep)
		remove_tmpfile();
	if (path)
		*path = keep ? tmp_path : NULL;
	return fd;
}

void *bench_mmap(size_t len, int prot, int flags, int fd)
{
	void *p = mmap(NULL, len, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		bench_die("mmap");
	/*
	 * Anonymous memory must fault one 4K page at a time even where THP
	 * is enabled; EINVAL on kernels without THP is harmless.
	 */
	if (flags & MAP_ANONYMOUS)
		madvise(p, len, MADV_NOHUGEPAGE);
	return p;
}

void bench_munmap(void *p, size_t len)
{
	if (munmap(p, len))
		bench_die("munmap");
}

void bench_write_pages(char *p, size_t len, size_t step)
{
	volatile char *v = p;
	size_t off;

	for (off = 0; off < len; off += step)
		v[off] = 1;
}

void bench_read_pages(const char *p, size_t len, size_t step)
{
	const volatile char *v = p;
	char sum = 0;
	size_t off;

	for (off = 0; off < len; off += step)
		sum += v[off];
	bench_sink = sum;
}

/*
 * The measured repetition running now, from 1, for the host's windows; 0
 * during warm-up, which is not marked.
 */
static unsigned int window_rep;

/* Marks the host's window, inside the guest's counter reads (exits.h). */
static int host_mark(uint32_t phase, uint64_t ops)
{
	if (!window_rep)
		return 0;
	return bench_host_window_mark(bench_name, phase, window_rep,
				      (uint32_t)ops);
}

static int mark_begin(struct bench_mark *m, bool window)
{
	if (bench_exits_available() && bench_exits_read(&m->e0))
		return -1;
	if (bench_minflt(&m->f0))
		return -1;
	if (window && host_mark(0, 0))
		return -1;
	m->t0 = bench_now_ns();
	return 0;
}

static int mark_end(const struct bench_mark *m, struct bench_result *r,
		    bool window, uint64_t ops)
{
	uint64_t t1 = bench_now_ns();
	struct bench_exits e1;
	long f1;

	if (window && host_mark(1, ops))
		return -1;
	if (bench_minflt(&f1))
		return -1;
	if (bench_exits_available()) {
		if (bench_exits_read(&e1))
			return -1;
		bench_exits_add(&r->exits, &m->e0, &e1);
	}
	r->ns += (double)(t1 - m->t0);
	r->minflt += f1 - m->f0;
	return 0;
}

int bench_mark_begin(struct bench_mark *m)
{
	return mark_begin(m, false);
}

int bench_mark_end(const struct bench_mark *m, struct bench_result *r)
{
	return mark_end(m, r, false, 0);
}

int bench_window_begin(struct bench_mark *m)
{
	return mark_begin(m, true);
}

int bench_window_end(const struct bench_mark *m, struct bench_result *r,
		     uint64_t ops)
{
	return mark_end(m, r, true, ops);
}

int bench_timed_touch(char *p, size_t len, int write,
		      struct bench_result *r)
{
	size_t page = bench_page_size();
	struct bench_mark m;

	memset(r, 0, sizeof(*r));
	r->count = len / page;
	if (bench_window_begin(&m))
		return -1;
	if (write)
		bench_write_pages(p, len, page);
	else
		bench_read_pages(p, len, page);
	if (bench_window_end(&m, r, r->count))
		return -1;
	return 0;
}

void bench_fault_once(const struct bench_opts *o, int prot, int flags,
		      int fd, int write, struct bench_result *r)
{
	uint64_t t0 = bench_now_ns();
	char *p = bench_mmap(o->size, prot, flags, fd);

	if (bench_timed_touch(p, o->size, write, r))
		bench_die("getrusage");
	bench_munmap(p, o->size);
	r->iter_ns = (double)(bench_now_ns() - t0);
}

static void emit(const struct bench_desc *d, const char *metric,
		 const char *unit, unsigned int rep, double value)
{
	/* Anything that would print as 0.000 or worse is not a result. */
	if (!isfinite(value) || value < 0.0005)
		bench_errx("rep %u: %s = %g is not a positive finite value",
			   rep, metric, value);
	printf("BENCH,%s,%s,%s,%u,%.3f\n", d->name, metric, unit, rep, value);
}

/* A count per page or op: zero is a result here, a negative one is not. */
static void emit_exits(const struct bench_desc *d, const char *per,
		       unsigned int rep, const struct bench_result *r)
{
	unsigned int k;

	for (k = 0; k < BENCH_EXIT_KINDS; k++) {
		double v = r->exits.n[k] / r->count;

		if (!isfinite(v) || v < 0)
			bench_errx("rep %u: %s = %g after subtracting the cost of reading the counters",
				   rep, bench_exit_names[k], v);
		printf("BENCH,%s,%s_%s,%s,%u,%.3f\n", d->name,
		       bench_exit_names[k], per,
		       bench_exit_unit(k), rep, v);
	}
}

int bench_run(const struct bench_desc *d, const struct bench_opts *o,
	      bench_fn fn, void *ctx)
{
	struct bench_perf_window pw = { 0 };
	unsigned int i;

	bench_exits_init();
	if (!bench_host_window_init() && errno != ENOENT)
		bench_die("open " BENCH_WINDOW_FILE);
	bench_perf_init();

	for (i = 0; i < o->warmup + o->reps; i++) {
		struct bench_result r = { 0 };
		unsigned int rep = i + 1 - o->warmup;

		window_rep = i >= o->warmup ? rep : 0;
		if (window_rep)
			bench_perf_begin(&pw);
		fn(o, ctx, &r);
		if (i < o->warmup)
			continue;
		bench_perf_end(&pw);
		if (!r.count)
			bench_errx("rep %u: nothing was measured", rep);
		if (d->kind == BENCH_OP) {
			emit(d, "ns_per_op", "ns", rep, r.ns / r.count);
		} else {
			if (r.minflt <= 0)
				bench_errx("rep %u: %ld minor faults: nothing faulted",
					   rep, r.minflt);
			emit(d, "ns_per_page", "ns", rep, r.ns / r.count);
			if (d->kind == BENCH_FAULT_ITER)
				emit(d, "ns_per_page_iter", "ns", rep,
				     r.iter_ns / r.count);
			emit(d, "minflt_per_page", "faults", rep,
			     (double)r.minflt / r.count);
		}
		if (bench_exits_available())
			emit_exits(d, d->kind == BENCH_OP ? "per_op" : "per_page",
				   rep, &r);
		/* Keep finished results if a later repetition fails. */
		if (fflush(stdout))
			bench_die("write stdout");
	}
	bench_perf_report(d->name, &pw);
	return BENCH_EXIT_OK;
}

/* What a fault benchmark's repetitions share. */
struct fault_ctx {
	int prot, flags, fd, write;
};

static void fault_once(const struct bench_opts *o, void *ctx,
		       struct bench_result *r)
{
	const struct fault_ctx *f = ctx;

	bench_fault_once(o, f->prot, f->flags, f->fd, f->write, r);
}

int bench_fault_main(const struct bench_desc *d, int argc, char **argv,
		     int prot, int flags, int write)
{
	struct fault_ctx f = { prot, flags, -1, write };
	struct bench_opts o;

	bench_setup(d, argc, argv, &o);
	if (!(flags & MAP_ANONYMOUS))
		f.fd = bench_tmpfile(&o, o.size, 0, NULL);
	return bench_run(d, &o, fault_once, &f);
}
