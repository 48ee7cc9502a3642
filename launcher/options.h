/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line: launcher [-m MEM_MIB] [-i INITRD] [-c CMDLINE] [-q]
 *			   [-r RESULTS -w NAME:OPS:REPS[:UNIT] ...] GUEST_ELF
 */
#ifndef LAUNCHER_OPTIONS_H
#define LAUNCHER_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "bench.h"

#define MEM_DEFAULT_MIB		64
/* The host maps guest memory with whole page tables of 4 MiB each. */
#define MEM_GRANULE_MIB		4

#define USAGE_TEXT \
	"usage: launcher [-m MEM_MIB] [-i INITRD] [-c CMDLINE] [-q]\n" \
	"                [-r RESULTS -w NAME:OPS:REPS[:UNIT] ...] GUEST_ELF\n" \
	"  -m MEM_MIB  guest memory in MiB, a multiple of 4 from 4 to 512 (default 64)\n" \
	"  -i INITRD   load INITRD at the top of guest memory\n" \
	"  -c CMDLINE  the guest's command line\n" \
	"  -q          do not print the LGUEST-COUNTERS line at exit\n" \
	"  -r RESULTS  append the host's result lines to the file RESULTS\n" \
	"  -w NAME:OPS:REPS[:UNIT]  the bench windows to record: benchmark\n" \
	"              NAME, OPS operations each, repetitions 1 to REPS (needs\n" \
	"              -r; once per benchmark, up to 32); with UNIT, op or page,\n" \
	"              every counter group per UNIT, not world switches per op\n"

struct options {
	uint32_t mem_size;	/* bytes */
	const char *initrd;	/* path, or NULL */
	const char *cmdline;	/* NULL when -c was not given */
	const char *guest;	/* path of the guest ELF */
	bool quiet;
	const char *results;	/* -r: path, or NULL */
	struct bench_expect want[BENCH_WANT_MAX];	/* -w, in order ... */
	unsigned int nwant;			/* ... this many */
	bool help;		/* -h: print USAGE_TEXT, run nothing */
};

/*
 * Fills @o from argv.  Returns 0, or -1 with a message in @err (ERR_MAX
 * bytes).  It uses getopt(), restarting it each call, so it may be called
 * more than once; argv may be permuted.
 */
int parse_options(int argc, char **argv, struct options *o, char *err);

#endif /* LAUNCHER_OPTIONS_H */
