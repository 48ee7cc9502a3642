// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/bench.c: reading bench windows out of guest
 * memory, turning begin/end pairs into BENCH lines, and recording only
 * the windows the runner asked for.
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

static struct bench_state expecting(const char *name, uint32_t ops,
				    uint32_t reps)
{
	struct bench_state s = { .want = { .ops = ops, .reps = reps } };

	strcpy(s.want.benchmark, name);
	return s;
}

static void test_pairs(void)
{
	struct bench_state s = expecting("page_fault1", 100, 5);
	struct lguest_bench_window b, e;
	struct lguest_counters c;
	char line[BENCH_LINES_MAX], err[ERR_MAX];
	int ret;

	e = window(1, 1, 100, "page_fault1");
	c = switches(500);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end before any begin rejected");
	check_contains(err, "never began", "end before begin");

	b = window(0, 1, 0, "page_fault1");
	c = switches(100);
	check(bench_begin(&s, &b, &c, err) == 0, "first begin");
	c = switches(350);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0, "matching end accepted ('%s')", err);
	check(!strcmp(line, "BENCH,page_fault1,world_switches_per_op,switches,1,2.500\n"),
	      "BENCH line: '%s'", line);
	check(s.recorded == 1, "one window recorded");

	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "a second end rejected");
	check_contains(err, "never began", "second end");

	/* A wrong end leaves the open window open. */
	b = window(0, 2, 0, "page_fault1");
	c = switches(0);
	check(bench_begin(&s, &b, &c, err) == 0, "begin of rep 2");
	e = window(1, 3, 100, "page_fault1");
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end of another rep rejected");
	check_contains(err, "page_fault1 rep 2 is open", "other rep");
	e = window(1, 2, 100, "page_fault2");
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end of another benchmark rejected");
	e = window(1, 2, 3, "page_fault1");
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == -1, "end claiming other operations rejected");
	check_contains(err, "claims 3 operations, the runner asked for 100",
		       "claimed operations");
	e = window(1, 2, 100, "page_fault1");
	c = switches(1);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0 && !strcmp(line,
	      "BENCH,page_fault1,world_switches_per_op,switches,2,0.010\n"),
	      "the right end still closes it: '%s'", line);

	/* A begin of the same rep restarts the window, with a note. */
	b = window(0, 3, 0, "page_fault1");
	c = switches(1000);
	bench_begin(&s, &b, &c, err);
	c = switches(2000);
	ret = bench_begin(&s, &b, &c, err);
	check(ret == 1, "begin over an open window noted");
	check_contains(err, "page_fault1 rep 3 began again", "restart note");
	e = window(1, 3, 100, "page_fault1");
	c = switches(2000 + 12345);
	ret = bench_end(&s, &e, &c, line, err);
	check(ret == 0 && !strcmp(line,
	      "BENCH,page_fault1,world_switches_per_op,switches,3,123.450\n"),
	      "counted from the second begin: '%s'", line);
}

/* Only the windows the runner asked for count, each once, in order. */
static void test_expect(void)
{
	struct bench_state s = expecting("cow_fork", 10, 2);
	struct lguest_bench_window b, e;
	struct lguest_counters c = switches(0);
	char line[BENCH_LINES_MAX], err[ERR_MAX];
	struct bench_state before;

	b = window(0, 1, 0, "null_hypercall");
	check(bench_begin(&s, &b, &c, err) == -1 && !s.open,
	      "another benchmark's begin refused");
	check_contains(err, "null_hypercall rep 1: the runner asked for cow_fork",
		       "other benchmark");
	check(!bench_find(&s, 1, &b, err), "bench_find: not asked for");
	check_contains(err, "null_hypercall rep 1: the runner did not ask for null_hypercall",
		       "bench_find's message");
	b = window(0, 2, 0, "cow_fork");
	check(bench_begin(&s, &b, &c, err) == -1 && !s.open,
	      "rep 2 before rep 1 refused");
	check_contains(err, "the next is rep 1", "out of order");
	b = window(0, 0, 0, "cow_fork");
	check(bench_begin(&s, &b, &c, err) == -1, "rep 0 refused");

	/* A refused begin leaves an open window as it was. */
	b = window(0, 1, 0, "cow_fork");
	bench_begin(&s, &b, &c, err);
	before = s;
	b = window(0, 2, 0, "cow_fork");
	c = switches(77);
	check(bench_begin(&s, &b, &c, err) == -1 &&
	      !memcmp(&s, &before, sizeof(s)), "refused begin changes nothing");
	e = window(1, 1, 10, "cow_fork");
	c = switches(100);
	check(bench_end(&s, &e, &c, line, err) == 0 &&
	      !strcmp(line, "BENCH,cow_fork,world_switches_per_op,switches,1,10.000\n"),
	      "rep 1 recorded from its own begin: '%s'", line);

	b = window(0, 1, 0, "cow_fork");
	check(bench_begin(&s, &b, &c, err) == -1, "rep 1 again refused");
	b = window(0, 2, 0, "cow_fork");
	check(bench_begin(&s, &b, &c, err) == 0, "rep 2 begins");
	e = window(1, 2, 10, "cow_fork");
	check(bench_end(&s, &e, &c, line, err) == 0 && s.recorded == 2,
	      "rep 2 recorded");
	b = window(0, 3, 0, "cow_fork");
	check(bench_begin(&s, &b, &c, err) == -1 && !s.open,
	      "a window past REPS refused");
	check_contains(err, "all 2 asked for are recorded", "past REPS");

	/* The longest name and numbers fit the line. */
	memset(b.benchmark, 'n', sizeof(b.benchmark));
	b.benchmark[31] = '\0';
	s = expecting(b.benchmark, 1, 4294967295u);
	s.recorded = 4294967294u;
	b.rep = 4294967295u;
	e = b;
	e.phase = 1;
	e.ops = 1;
	c = switches(0);
	check(bench_begin(&s, &b, &c, err) == 0, "longest begin ('%s')", err);
	c = switches(18446744073709551615ULL);
	check(bench_end(&s, &e, &c, line, err) == 0 &&
	      strlen(line) < BENCH_LINE_MAX - 1 &&
	      !strcmp(line + strlen(line) - 5, ".000\n"),
	      "longest line fits: '%s'", line);
}

/* With a UNIT: every counter group, per page, from the host's counters. */
static void test_groups(void)
{
	struct bench_state s = expecting("lat_pagefault", 4, 1);
	struct lguest_bench_window b = window(0, 1, 0, "lat_pagefault");
	struct lguest_bench_window e = window(1, 1, 4, "lat_pagefault");
	struct lguest_counters c0, c1;
	char lines[BENCH_LINES_MAX], err[ERR_MAX];

	strcpy(s.want.unit, "page");
	memset(&c0, 0, sizeof(c0));
	c0.world_switches = 1000;
	c0.exits_trap[14] = 77;
	c0.faults_fixed = 70;
	c0.exits_hcall[LHCALL_NOTIFY] = 7;
	c1 = c0;
	/* 4 faults fixed, 1 SET_PTE, 1 NOTIFY, 2 #GP, 1 irq, 3 system calls */
	c1.world_switches += 2 * (4 + 1 + 1 + 2 + 1 + 3);
	c1.exits_trap[14] += 4;
	c1.faults_fixed += 4;
	c1.exits_hcall[LHCALL_SET_PTE] += 1;
	c1.exits_hcall[LHCALL_NOTIFY] += 1;
	c1.exits_trap[LGUEST_TRAP_ENTRY] += 2;
	c1.exits_trap[13] += 2;
	c1.exits_irq += 1;
	c1.exits_other += 3;
	c1.fastpath_reflected += 8;
	c1.exitless_fills += 12;
	c1.exitless_set_ptes += 16;
	check(bench_begin(&s, &b, &c0, err) == 0, "groups: begin");
	check(bench_end(&s, &e, &c1, lines, err) == 0, "groups: end");
	check(!strcmp(lines,
		      "BENCH,lat_pagefault,world_switches_per_page,switches,1,6.000\n"
		      "BENCH,lat_pagefault,exits_fault_fixed_per_page,exits,1,1.000\n"
		      "BENCH,lat_pagefault,exits_fault_reflected_per_page,exits,1,0.000\n"
		      "BENCH,lat_pagefault,exits_hcall_set_pte_per_page,exits,1,0.250\n"
		      "BENCH,lat_pagefault,exits_hcall_other_per_page,exits,1,0.250\n"
		      "BENCH,lat_pagefault,exits_irq_per_page,exits,1,0.250\n"
		      "BENCH,lat_pagefault,exits_syscall_per_page,exits,1,0.750\n"
		      "BENCH,lat_pagefault,exits_trap_other_per_page,exits,1,0.500\n"
		      "BENCH,lat_pagefault,fastpath_reflected_per_page,faults,1,2.000\n"
		      "BENCH,lat_pagefault,exitless_fills_per_page,fills,1,3.000\n"
		      "BENCH,lat_pagefault,exitless_set_ptes_per_page,hypercalls,1,4.000\n"),
	      "groups: the lines '%s'", lines);
}

static void test_names(void)
{
	char err[ERR_MAX];

	check(bench_check_unit("op", 2, err) == 0, "unit op");
	check(bench_check_unit("page", 4, err) == 0, "unit page");
	check(bench_check_unit("pages", 5, err) == -1, "unit pages refused");
	check(bench_check_unit("pa", 2, err) == -1, "unit pa refused");
	check_contains(err, "neither op nor page", "bad unit says why");

	check(bench_check_name("page_fault1", 11, err) == 0, "plain name");
	check(bench_check_name("page_fault1", 4, err) == 0, "a prefix of it");
	check(bench_check_name("a:b", 3, err) == -1, "':' refused");
	check(bench_check_name("", 0, err) == -1, "empty refused");
	check(bench_check_name("nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", 32, err) == -1,
	      "32 bytes refused");
	check_contains(err, "longer than 31", "too long");
}

int main(void)
{
	test_read();
	test_pairs();
	test_expect();
	test_groups();
	test_names();
	return check_summary("launcher_bench");
}
