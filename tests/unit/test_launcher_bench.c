// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/bench.c: reading bench windows out of guest
 * memory, and turning begin/end pairs into BENCH lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "errmsg.h"
#include "check.h"

#define MEM_SIZE	(1u << 20)
#define GPA		0x1000u

static unsigned char mem[MEM_SIZE];

static struct lguest_bench_window window(uint32_t phase, uint32_t rep,
					 uint32_t ops, const char *name)
{
	struct lguest_bench_window w = {
		.magic = LGUEST_WINDOW_MAGIC,
		.phase = phase,
		.rep = rep,
		.ops = ops,
	};

	memcpy(w.benchmark, name, strnlen(name, sizeof(w.benchmark) - 1));
	return w;
}

static enum window_kind read_at(uint32_t gpa,
				const struct lguest_bench_window *put,
				char *err)
{
	struct lguest_bench_window w;

	if (put && (uint64_t)gpa + sizeof(*put) <= MEM_SIZE)
		memcpy(mem + gpa, put, sizeof(*put));
	err[0] = '\0';
	return bench_read_window(mem, MEM_SIZE, gpa, &w, err);
}

static void expect_kind(const struct lguest_bench_window *w, uint32_t gpa,
			enum window_kind want, const char *needle,
			const char *what)
{
	char err[ERR_MAX];
	enum window_kind kind = read_at(gpa, w, err);

	check(kind == want, "%s: kind %d, want %d", what, kind, want);
	if (needle)
		check_contains(err, needle, what);
}

static void test_read(void)
{
	struct lguest_bench_window w;
	const uint32_t last = MEM_SIZE - sizeof(w);

	w = window(0, 1, 0, "lat_pagefault");
	expect_kind(&w, GPA, WINDOW_BEGIN, NULL, "begin");
	w = window(1, 1, 100, "lat_pagefault");
	expect_kind(&w, GPA, WINDOW_END, NULL, "end");
	expect_kind(&w, last, WINDOW_END, NULL, "window at the very end");
	expect_kind(&w, GPA + 1, WINDOW_END, NULL, "unaligned window");

	memset(mem, 0, sizeof(mem));
	expect_kind(NULL, last + 1, WINDOW_NONE, NULL, "window past the end");
	expect_kind(NULL, MEM_SIZE, WINDOW_NONE, NULL, "gpa = memory size");
	expect_kind(NULL, 0xFFFFFFF0u, WINDOW_NONE, NULL, "gpa wrapping");
	expect_kind(NULL, 42, WINDOW_NONE, NULL, "small notify value");
	w = window(0, 1, 0, "x");
	w.magic = LGUEST_WINDOW_MAGIC + 1;
	expect_kind(&w, GPA, WINDOW_NONE, NULL, "wrong magic");

	w = window(2, 1, 100, "x");
	expect_kind(&w, GPA, WINDOW_BAD, "phase 2", "phase 2");
	w = window(1, 1, 0, "x");
	expect_kind(&w, GPA, WINDOW_BAD, "no operations", "end with 0 ops");
	w = window(0, 1, 0, "x");
	expect_kind(&w, GPA, WINDOW_BEGIN, NULL, "begin with 0 ops is fine");

	w = window(0, 1, 0, "");
	expect_kind(&w, GPA, WINDOW_BAD, "empty name", "empty name");
	w = window(0, 1, 0, "lat-pagefault");
	expect_kind(&w, GPA, WINDOW_BAD, "0x2d", "name with '-'");
	w = window(0, 1, 0, "a,b");
	expect_kind(&w, GPA, WINDOW_BAD, "0x2c", "name with ','");
	w = window(0, 1, 0, "a\nBENCH");
	expect_kind(&w, GPA, WINDOW_BAD, "0x0a", "name with a newline");
	w = window(0, 1, 0, "");
	memset(w.benchmark, 'a', sizeof(w.benchmark));
	expect_kind(&w, GPA, WINDOW_BAD, "NUL", "32 bytes, no NUL");
	w.benchmark[31] = '\0';
	expect_kind(&w, GPA, WINDOW_BEGIN, NULL, "31-byte name");
	w = window(0, 1, 0, "Az_09");
	w.benchmark[10] = '-';	/* after the NUL: not part of the name */
	expect_kind(&w, GPA, WINDOW_BEGIN, NULL, "bytes after the NUL");
}

static struct lguest_counters switches(uint64_t n)
{
	struct lguest_counters c;

	memset(&c, 0, sizeof(c));
	c.world_switches = n;
	return c;
}

static void test_pairs(void)
{
	struct bench_state s = { 0 };
	struct lguest_bench_window b, e;
	struct lguest_counters c;
	char line[BENCH_LINE_MAX], err[ERR_MAX];
	int ret;

	e = window(1, 3, 100, "page_fault1");
	c = switches(500);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end before any begin rejected");
	check_contains(err, "never began", "end before begin");

	b = window(0, 3, 0, "page_fault1");
	c = switches(100);
	check(bench_begin(&s, &b, &c, err) == 0, "first begin");
	c = switches(350);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0, "matching end accepted ('%s')", err);
	check(!strcmp(line, "BENCH,page_fault1,world_switches_per_op,switches,3,2.500"),
	      "BENCH line: '%s'", line);

	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "a second end rejected");
	check_contains(err, "never began", "second end");

	/* A wrong end leaves the open window open. */
	c = switches(0);
	bench_begin(&s, &b, &c, err);
	e = window(1, 4, 3, "page_fault1");
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end of another rep rejected");
	check_contains(err, "page_fault1 rep 3 is open", "other rep");
	e = window(1, 3, 3, "page_fault2");
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end of another benchmark rejected");
	e = window(1, 3, 3, "page_fault1");
	c = switches(1);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0 && !strcmp(line,
	      "BENCH,page_fault1,world_switches_per_op,switches,3,0.333"),
	      "the right end still closes it: '%s'", line);

	/* A second begin restarts the window, with a note. */
	c = switches(1000);
	bench_begin(&s, &b, &c, err);
	b = window(0, 5, 0, "cow_fork");
	c = switches(2000);
	ret = bench_begin(&s, &b, &c, err);
	check(ret == 1, "begin over an open window noted");
	check_contains(err, "page_fault1 rep 3 never ended", "restart note");
	e = window(1, 5, 1000, "cow_fork");
	c = switches(2000 + 12345);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0 && !strcmp(line,
	      "BENCH,cow_fork,world_switches_per_op,switches,5,12.345"),
	      "counted from the second begin: '%s'", line);

	/* The longest name and numbers fit the line. */
	memset(b.benchmark, 'n', sizeof(b.benchmark));
	b.benchmark[31] = '\0';
	b.rep = 4294967295u;
	e = b;
	e.phase = 1;
	e.ops = 1;
	c = switches(0);
	bench_begin(&s, &b, &c, err);
	c = switches(18446744073709551615ULL);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0 && strlen(line) < BENCH_LINE_MAX - 1 &&
	      !strncmp(line + strlen(line) - 4, ".000", 4),
	      "longest line fits: '%s'", line);
}

int main(void)
{
	test_read();
	test_pairs();
	return check_summary("launcher_bench");
}
