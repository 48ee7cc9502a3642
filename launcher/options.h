/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line: launcher [-m MEM_MIB] [-i INITRD] [-c CMDLINE] [-q]
 *			   [-r RESULTS -w NAME:OPS:REPS] GUEST_ELF
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
	"                [-r RESULTS -w NAME:OPS:REPS] GUEST_ELF\n" \
	"  -m MEM_MIB  guest memory in MiB, a multiple of 4 from 4 to 512 (default 64)\n" \
	"  -i INITRD   load INITRD at the top of guest memory\n" \
	"  -c CMDLINE  the guest's command line\n" \
	"  -q          do not print the LGUEST-COUNTERS line at exit\n" \
	"  -r RESULTS  append the host's result lines to the file RESULTS\n" \
	"  -w NAME:OPS:REPS  the bench windows to record: benchmark NAME,\n" \
	"              OPS operations each, repetitions 1 to REPS (needs -r)\n"

struct options {
	uint32_t mem_size;	/* bytes */
	const char *initrd;	/* path, or NULL */
	const char *cmdline;	/* NULL when -c was not given */
	const char *guest;	/* path of the guest ELF */
	bool quiet;
	const char *results;	/* -r: path, or NULL */
	struct bench_expect want;	/* -w; want.reps is 0 without it */
	bool help;		/* -h: print USAGE_TEXT, run nothing */
};

/*
 * Fills @o from argv.  Returns 0, or -1 with a message in @err (ERR_MAX
 * bytes).  It uses getopt(), restarting it each call, so it may be called
 * more than once; argv may be permuted.
 */
int parse_options(int argc, char **argv, struct options *o, char *err);

#endif /* LAUNCHER_OPTIONS_H */
