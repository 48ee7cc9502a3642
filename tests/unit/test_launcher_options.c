// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/options.c: defaults, each option, memory sizes
 * and every way to get the command line wrong.
 */
#include <stdio.h>
#include <string.h>

#include "errmsg.h"
#include "options.h"
#include "check.h"

/* argv for parse_options(): program name, the given words, NULL. */
#define ARGV(...)	((char *[]){ "launcher", __VA_ARGS__, NULL })

static int parse(char **argv, struct options *o, char *err)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	err[0] = '\0';
	return parse_options(argc, argv, o, err);
}

static struct options accept(char **argv, const char *what)
{
	struct options o;
	char err[ERR_MAX];
	int ret = parse(argv, &o, err);

	check(ret == 0, "%s: accepted (ret %d, '%s')", what, ret, err);
	return o;
}

static void reject(char **argv, const char *needle, const char *what)
{
	struct options o;
	char err[ERR_MAX];
	int ret = parse(argv, &o, err);

	check(ret == -1, "%s: rejected (ret %d)", what, ret);
	check_contains(err, needle, what);
}

static void test_defaults(void)
{
	struct options o = accept(ARGV("guest.elf"), "defaults");

	check(o.mem_size == 64u << 20, "default memory is 64 MiB (%u)",
	      o.mem_size);
	check(o.initrd == NULL, "no initrd by default");
	check(o.cmdline == NULL, "no command line by default");
	check(!o.quiet, "not quiet by default");
	check(!o.help, "no help by default");
	check(!o.results && !o.nwant, "no results recorded by default");
	check(o.guest && !strcmp(o.guest, "guest.elf"), "guest path");
}

static void test_options(void)
{
	struct options o;

	o = accept(ARGV("-m", "128", "-i", "rd.cpio", "-c", "console=hvc0 ro",
			"-q", "k.elf"), "all options");
	check(o.mem_size == 128u << 20, "-m 128 is 128 MiB (%u)", o.mem_size);
	check(o.initrd && !strcmp(o.initrd, "rd.cpio"), "-i path");
	check(o.cmdline && !strcmp(o.cmdline, "console=hvc0 ro"), "-c text");
	check(o.quiet, "-q");
	check(o.guest && !strcmp(o.guest, "k.elf"), "guest after options");

	o = accept(ARGV("k.elf", "-q"), "option after the guest");
	check(o.quiet && o.guest && !strcmp(o.guest, "k.elf"),
	      "options may follow the guest");

	o = accept(ARGV("-c", "", "k.elf"), "empty command line");
	check(o.cmdline && o.cmdline[0] == '\0',
	      "-c '' is an empty command line, not none");

	o = accept(ARGV("-m4", "k.elf"), "-m4 joined");
	check(o.mem_size == 4u << 20, "-m4 is 4 MiB");
	o = accept(ARGV("-m", "512", "k.elf"), "-m 512");
	check(o.mem_size == 512u << 20, "-m 512 is the maximum");

	o = accept(ARGV("-h"), "-h");
	check(o.help, "-h asks for help");

	o = accept(ARGV("--", "-odd-name"), "guest after --");
	check(o.guest && !strcmp(o.guest, "-odd-name"), "-- ends options");
}

static void test_bad_memory(void)
{
	static const char *const bad[] = {
		"0", "3", "5", "6", "516", "1024", "4294967296", "-4", "+4",
		" 4", "4x", "0x10", "", "abc",
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char what[64];

		snprintf(what, sizeof(what), "-m '%s'", bad[i]);
		reject(ARGV("-m", (char *)bad[i], "k.elf"), "-m", what);
	}
	reject(ARGV("-m", "5", "k.elf"), "multiple of 4", "-m 5 says why");
	reject(ARGV("-m", "abc", "k.elf"), "not a number", "-m abc says why");
}

static void test_bad_usage(void)
{
	reject(ARGV("-x", "k.elf"), "unknown option -x", "unknown option");
	reject(ARGV("k.elf", "-m"), "-m needs an argument", "missing -m arg");
	reject(ARGV("-i"), "-i needs an argument", "missing -i arg");
	reject(ARGV("-q"), "no guest", "no guest");
	reject(ARGV("a.elf", "b.elf"), "b.elf", "two guests");
}

/* -r and -w: where the results go, and which windows count. */
static void test_results(void)
{
	static const char *const bad[] = {
		"", "x", "x:1", "x:1:", "x::2", ":1:2", "x:0:2", "x:1:0",
		"x:01:2", "x:-1:2", "x:1:2:3", "x:4294967296:1", "x y:1:2",
		"a-b:1:2", "x:1:2x", "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn:1:1",
		"x:1:2:", "x:1:2:op:", "x:1:2:OP",
	};
	struct options o;
	char err[ERR_MAX];
	unsigned int i;

	o = accept(ARGV("-r", "out.csv", "-w", "null_hypercall:1000:5",
			"k.elf"), "-r and -w");
	check(o.results && !strcmp(o.results, "out.csv"), "-r path");
	check(o.nwant == 1 && !strcmp(o.want[0].benchmark, "null_hypercall") &&
	      o.want[0].ops == 1000 && o.want[0].reps == 5 &&
	      !o.want[0].unit[0], "-w fields");
	o = accept(ARGV("-r", "r", "-w", "N_1:4294967295:4294967295", "k.elf"),
		   "-w at the largest");
	check(o.want[0].ops == 4294967295u && o.want[0].reps == 4294967295u,
	      "-w's largest numbers");
	o = accept(ARGV("-r", "r", "-w", "page_fault1:1024:5:page", "-w",
			"lat_mmap:50:5:op", "-w", "null_hypercall:10:2", "k.elf"),
		   "-w three times");
	check(o.nwant == 3 && !strcmp(o.want[0].unit, "page") &&
	      o.want[0].reps == 5 && !strcmp(o.want[1].benchmark, "lat_mmap") &&
	      !strcmp(o.want[1].unit, "op") && o.want[1].ops == 50 &&
	      !o.want[2].unit[0], "-w three times: fields and units");
	reject(ARGV("-r", "r", "-w", "x:1:2", "-w", "x:3:4:op", "k.elf"),
	       "benchmark x asked for twice", "the same benchmark twice");
	reject(ARGV("-r", "r", "-w", "x:1:2:pages", "k.elf"),
	       "neither op nor page", "-w with a bad unit says why");
	{
		char *argv[2 * (BENCH_WANT_MAX + 1) + 5];
		char names[BENCH_WANT_MAX + 1][16];
		int argc = 0;

		argv[argc++] = "launcher";
		argv[argc++] = "-r";
		argv[argc++] = "r";
		for (i = 0; i <= BENCH_WANT_MAX; i++) {
			snprintf(names[i], sizeof(names[i]), "b%u:1:1", i);
			argv[argc++] = "-w";
			argv[argc++] = names[i];
		}
		argv[argc++] = "k.elf";
		argv[argc] = NULL;
		check(parse_options(argc, argv, &o, err) == -1,
		      "more than %u benchmarks refused", BENCH_WANT_MAX);
		check_contains(err, "more than 32 benchmarks", "too many -w");
	}
	reject(ARGV("-r", "out.csv", "k.elf"), "-r and -w go together",
	       "-r alone");
	reject(ARGV("-w", "x:1:2", "k.elf"), "-r and -w go together",
	       "-w alone");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char what[80];

		snprintf(what, sizeof(what), "-w '%s'", bad[i]);
		reject(ARGV("-r", "r", "-w", (char *)bad[i], "k.elf"), "-w",
		       what);
	}
	reject(ARGV("-r", "r", "-w", "a-b:1:2", "k.elf"), "byte 0x2d",
	       "-w with a bad name says why");
	reject(ARGV("-r", "r", "-w", "x:0:2", "k.elf"), "whole numbers",
	       "-w with 0 ops says why");
}

/* getopt() keeps state between calls; parse_options() must reset it. */
static void test_repeat(void)
{
	struct options o;

	reject(ARGV("-x", "k.elf"), "unknown", "first call fails");
	o = accept(ARGV("-q", "k.elf"), "second call");
	check(o.quiet && o.guest && !strcmp(o.guest, "k.elf"),
	      "a second call starts afresh");
}

int main(void)
{
	test_defaults();
	test_options();
	test_bad_memory();
	test_bad_usage();
	test_results();
	test_repeat();
	return check_summary("launcher_options");
}
