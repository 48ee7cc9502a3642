// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for bench/common.c: option, number and size parsing, the
 * page permutation and the median.  Prints "FAIL: ..." per failed check and a summary.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "common.h"

#define ERRLEN		256
/* argv for bench_parse_opts(): program name, the given words, NULL. */
#define ARGV(...)	((char *[]){ "prog", __VA_ARGS__, NULL })


static const struct bench_desc fault_desc = {
	.name = "tfault",
	.kind = BENCH_FAULT,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 16ULL << 20,
	.min_size = 1ULL << 20,
};

static const struct bench_desc op_desc = {
	.name = "top",
	.kind = BENCH_OP,
	.uses = BENCH_USES_OPS,
	.def_ops = 200,
};

static int parse(const struct bench_desc *d, char **argv,
		 struct bench_opts *o, char *err)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	err[0] = '\0';
	return bench_parse_opts(d, argc, argv, o, err, ERRLEN);
}

/* The option must be accepted; returns the parsed options. */
static struct bench_opts accept(const struct bench_desc *d, char **argv,
				const char *what)
{
	struct bench_opts o;
	char err[ERRLEN];
	int ret = parse(d, argv, &o, err);

	check(ret == 0, "%s: accepted (ret %d, '%s')", what, ret, err);
	return o;
}

/* The option must be rejected with a message mentioning @needle. */
static void reject(const struct bench_desc *d, char **argv,
		   const char *needle, const char *what)
{
	struct bench_opts o;
	char err[ERRLEN];
	int ret = parse(d, argv, &o, err);

	check(ret == -1, "%s: rejected (ret %d)", what, ret);
	check(err[0] && strstr(err, needle),
	      "%s: message '%s' names '%s'", what, err, needle);
}

static void test_parse_uint(void)
{
	uint64_t v = 0;

	check(!bench_parse_uint("0", &v) && v == 0, "uint 0");
	check(!bench_parse_uint("42", &v) && v == 42, "uint 42");
	check(!bench_parse_uint("007", &v) && v == 7, "uint leading zeros");
	check(!bench_parse_uint("18446744073709551615", &v) &&
	      v == UINT64_MAX, "uint max");
	check(bench_parse_uint("18446744073709551616", &v) ==
	      BENCH_PERR_OVERFLOW, "uint overflow");
	check(bench_parse_uint("", &v) == BENCH_PERR_EMPTY, "uint empty");
	check(bench_parse_uint("abc", &v) == BENCH_PERR_NOT_NUMBER,
	      "uint non-numeric");
	check(bench_parse_uint("-1", &v) == BENCH_PERR_NOT_NUMBER,
	      "uint negative");
	check(bench_parse_uint("+1", &v) == BENCH_PERR_NOT_NUMBER,
	      "uint plus sign");
	check(bench_parse_uint(" 1", &v) == BENCH_PERR_NOT_NUMBER,
	      "uint leading blank");
	check(bench_parse_uint("12x", &v) == BENCH_PERR_JUNK, "uint junk");
	check(bench_parse_uint("1K", &v) == BENCH_PERR_JUNK,
	      "uint rejects suffix");
	check(bench_parse_uint("0x10", &v) == BENCH_PERR_JUNK, "uint hex");
}

static void test_parse_size(void)
{
	uint64_t v = 0;

	check(!bench_parse_size("4096", &v) && v == 4096, "size plain");
	check(!bench_parse_size("4K", &v) && v == 4096, "size K");
	check(!bench_parse_size("4k", &v) && v == 4096, "size k");
	check(!bench_parse_size("3M", &v) && v == 3ULL << 20, "size M");
	check(!bench_parse_size("2g", &v) && v == 2ULL << 30, "size g");
	check(!bench_parse_size("0", &v) && v == 0, "size 0 parses");
	check(bench_parse_size("99999999999G", &v) == BENCH_PERR_OVERFLOW,
	      "size 99999999999G overflows");
	check(bench_parse_size("17179869184G", &v) == BENCH_PERR_OVERFLOW,
	      "size 2^34 G overflows");
	check(!bench_parse_size("17179869183G", &v) &&
	      v == 17179869183ULL << 30, "size just below overflow");
	check(bench_parse_size("4KB", &v) == BENCH_PERR_JUNK, "size KB");
	check(bench_parse_size("4T", &v) == BENCH_PERR_JUNK, "size T");
	check(bench_parse_size("K", &v) == BENCH_PERR_NOT_NUMBER,
	      "size bare suffix");
	check(bench_parse_size("-4K", &v) == BENCH_PERR_NOT_NUMBER,
	      "size negative");
	check(bench_parse_size("", &v) == BENCH_PERR_EMPTY, "size empty");
	check(bench_parse_size("1.5M", &v) == BENCH_PERR_JUNK,
	      "size fraction");
}

static void test_defaults(void)
{
	struct bench_opts o;

	o = accept(&fault_desc, ARGV(NULL), "no options");
	check(o.reps == 5, "default reps %u", o.reps);
	check(o.warmup == 1, "default warmup %u", o.warmup);
	check(o.size == 16u << 20, "default size %zu", o.size);
	check(!strcmp(o.dir, "/tmp"), "default dir %s", o.dir);
	check(o.seen == 0, "nothing seen");

	o = accept(&op_desc, ARGV(NULL), "op defaults");
	check(o.ops == 200, "default ops %lu", o.ops);
}

static void test_valid(void)
{
	struct bench_opts o;

	o = accept(&op_desc, ARGV("-r", "7"), "-r 7");
	check(o.reps == 7, "-r 7 gives %u", o.reps);
	o = accept(&op_desc, ARGV("-r9"), "-r9");
	check(o.reps == 9, "-r9 gives %u", o.reps);
	o = accept(&op_desc, ARGV("-r", "1"), "-r 1");
	check(o.reps == 1, "-r lower bound");
	o = accept(&op_desc, ARGV("-r", "10000"), "-r 10000");
	check(o.reps == 10000, "-r upper bound");
	o = accept(&op_desc, ARGV("-w", "0"), "-w 0");
	check(o.warmup == 0, "-w lower bound");
	o = accept(&op_desc, ARGV("-w", "1000"), "-w 1000");
	check(o.warmup == 1000, "-w upper bound");
	o = accept(&op_desc, ARGV("-n", "1"), "-n 1");
	check(o.ops == 1 && o.seen == BENCH_USES_OPS, "-n lower bound");
	o = accept(&op_desc, ARGV("-n", "1000000000"), "-n 1e9");
	check(o.ops == 1000000000UL, "-n upper bound");
	o = accept(&fault_desc, ARGV("-s", "1M"), "-s 1M");
	check(o.size == 1u << 20 && o.seen == BENCH_USES_SIZE,
	      "-s at benchmark minimum");
	o = accept(&fault_desc, ARGV("-s", "2G"), "-s 2G");
	check(o.size == 1ULL << 31, "-s upper bound");
	o = accept(&fault_desc, ARGV("-s", "4194304"), "-s bytes");
	check(o.size == 4u << 20, "-s in bytes");
	o = accept(&fault_desc, ARGV("-s", "1536k"), "-s 1536k");
	check(o.size == 1536u << 10, "-s lower-case k");
	o = accept(&op_desc, ARGV("-s", "4K"), "-s 4K");
	check(o.size == 4096, "-s one page");
	o = accept(&fault_desc, ARGV("-d", "/var/tmp"), "-d");
	check(!strcmp(o.dir, "/var/tmp") && o.seen == BENCH_USES_DIR,
	      "-d value");
	o = accept(&fault_desc, ARGV("-d/x"), "-d/x");
	check(!strcmp(o.dir, "/x"), "-d attached value");
	o = accept(&op_desc, ARGV("-r", "3", "-w", "2", "-n", "10", "-r", "4"),
		   "several options");
	check(o.reps == 4 && o.warmup == 2 && o.ops == 10,
	      "several options, last -r wins");
	o = accept(&op_desc, ARGV("-r", "3", "--"), "trailing --");
	check(o.reps == 3, "-- ends options");
}

static void test_invalid(void)
{
	struct bench_opts o;
	char err[ERRLEN];

	check(parse(&op_desc, ARGV("-h"), &o, err) == 1, "-h returns 1");
	reject(&op_desc, ARGV("-x"), "-x", "unknown option");
	reject(&op_desc, ARGV("--help"), "--help", "long option");
	reject(&op_desc, ARGV("-hx"), "-hx", "-h with junk");
	reject(&op_desc, ARGV("foo"), "foo", "positional argument");
	reject(&op_desc, ARGV("-"), "-", "lone dash");
	reject(&op_desc, ARGV("--", "foo"), "foo", "argument after --");
	reject(&op_desc, ARGV("-r"), "-r", "missing -r argument");
	reject(&op_desc, ARGV("-w", "1", "-s"), "-s", "missing -s argument");
	reject(&op_desc, ARGV("-r", "abc"), "-r", "-r non-numeric");
	reject(&op_desc, ARGV("-r", "5x"), "-r", "-r trailing junk");
	reject(&op_desc, ARGV("-r", "0"), "-r", "-r zero");
	reject(&op_desc, ARGV("-r", "-1"), "-r", "-r negative");
	reject(&op_desc, ARGV("-r", "10001"), "-r", "-r above range");
	reject(&op_desc, ARGV("-r", "99999999999999999999999"), "-r",
	       "-r overflow");
	reject(&op_desc, ARGV("-r", ""), "-r", "-r empty");
	reject(&op_desc, ARGV("-w", "1001"), "-w", "-w above range");
	reject(&op_desc, ARGV("-w", "-1"), "-w", "-w negative");
	reject(&op_desc, ARGV("-n", "0"), "-n", "-n zero");
	reject(&op_desc, ARGV("-n", "1000000001"), "-n", "-n above range");
	reject(&op_desc, ARGV("-n", "1e6"), "-n", "-n exponent");
	reject(&fault_desc, ARGV("-s", "0"), "-s", "-s zero");
	reject(&fault_desc, ARGV("-s", "99999999999G"), "-s", "-s overflow");
	reject(&fault_desc, ARGV("-s", "3G"), "-s", "-s above range");
	reject(&fault_desc, ARGV("-s", "512K"), "-s", "-s below minimum");
	reject(&op_desc, ARGV("-s", "2K"), "-s", "-s below one page");
	reject(&fault_desc, ARGV("-s", "1048577"), "page size",
	       "-s not page multiple");
	reject(&fault_desc, ARGV("-s", "1030K"), "page size",
	       "-s K not page multiple");
	reject(&fault_desc, ARGV("-s", "4MB"), "-s", "-s bad suffix");
	reject(&fault_desc, ARGV("-s", "-4M"), "-s", "-s negative");
	reject(&fault_desc, ARGV("-d", ""), "-d", "-d empty");

	/* State must not leak from a failed parse into the next one. */
	o = accept(&op_desc, ARGV("-n", "5"), "parse after errors");
	check(o.reps == 5 && o.warmup == 1 && o.ops == 5,
	      "defaults restored after errors");
}

static int is_permutation(const uint32_t *perm, size_t n)
{
	unsigned char *seen = calloc(n ? n : 1, 1);
	size_t i;
	int ok = seen != NULL;

	for (i = 0; ok && i < n; i++) {
		if (perm[i] >= n || seen[perm[i]])
			ok = 0;
		else
			seen[perm[i]] = 1;
	}
	free(seen);
	return ok;
}

static void test_permute(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 10, 1000, 4096, 65536 };
	uint32_t state = 1, *a, *b;
	size_t i, k, moved;

	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t n = sizes[k];

		a = malloc((n + 1) * sizeof(*a));
		b = malloc((n + 1) * sizeof(*b));
		if (!a || !b) {
			check(0, "malloc for n=%zu", n);
			free(a);
			free(b);
			continue;
		}
		bench_permute(a, n, 12345);
		bench_permute(b, n, 12345);
		check(is_permutation(a, n), "permutation of 0..%zu", n);
		check(!memcmp(a, b, n * sizeof(*a)),
		      "same seed, same order (n=%zu)", n);
		if (n >= 1000) {
			for (i = 0, moved = 0; i < n; i++)
				moved += a[i] != i;
			check(moved > n / 2, "n=%zu shuffled (%zu moved)",
			      n, moved);
			bench_permute(b, n, 54321);
			check(memcmp(a, b, n * sizeof(*a)),
			      "other seed, other order (n=%zu)", n);
			bench_permute(b, n, 0);
			check(is_permutation(b, n), "seed 0 works (n=%zu)", n);
		}
		free(a);
		free(b);
	}
	for (i = 0; i < 1000; i++)
		if (!bench_xorshift32(&state))
			break;
	check(i == 1000, "xorshift32 never yields 0");
}

static void test_median(void)
{
	double one[] = { 7 }, odd[] = { 5, -1, 3, 9, 3 }, even[] = { 4, 1, 3, 2 };
	double same[11];
	size_t i;

	for (i = 0; i < 11; i++)
		same[i] = 2.5;
	check(bench_median(one, 1) == 7, "median of one value");
	check(bench_median(odd, 5) == 3, "median of an odd count, unsorted");
	check(bench_median(even, 4) == 2.5,
	      "median of an even count: the mean of the middle two");
	check(bench_median(same, 11) == 2.5, "median of equal values");
	check(odd[0] == -1 && odd[4] == 9, "the values are left sorted");
}

int main(void)
{
	test_parse_uint();
	test_parse_size();
	test_defaults();
	test_valid();
	test_invalid();
	test_permute();
	test_median();
	return check_summary("test_bench_common");
}
