// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../module/uapi/lguest.h"
#include "errmsg.h"
#include "options.h"

/* Plain decimal only: strtoul() alone would take "-4", " 4" and "0x10". */
static int parse_mem(const char *s, uint32_t *bytes, char *err)
{
	const uint32_t max_mib = LGUEST_MEM_MAX >> 20;
	unsigned long mib;
	char *end;

	if (!isdigit((unsigned char)s[0]))
		return seterr(err, "-m '%s': not a number of MiB", s);
	errno = 0;
	mib = strtoul(s, &end, 10);
	if (*end)
		return seterr(err, "-m '%s': not a number of MiB", s);
	if (errno || mib < MEM_GRANULE_MIB || mib > max_mib ||
	    mib % MEM_GRANULE_MIB)
		return seterr(err,
			      "-m %s: guest memory must be a multiple of %u MiB from %u to %u MiB",
			      s, MEM_GRANULE_MIB, MEM_GRANULE_MIB, max_mib);
	*bytes = (uint32_t)mib << 20;
	return 0;
}

/* A whole number from 1 to UINT32_MAX, plain decimal, ending at @end. */
static int parse_count(const char *s, const char *end, uint32_t *n)
{
	uint64_t v = 0;

	if (s == end || *s == '0')
		return -1;
	for (; s < end; s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s - '0');
		if (v > UINT32_MAX)
			return -1;
	}
	*n = (uint32_t)v;
	return 0;
}

/*
 * -w NAME:OPS:REPS[:UNIT]: the bench windows the runner asks the guest
 * for, one benchmark each; added to @o's.
 */
static int parse_want(const char *s, struct options *o, char *err)
{
	const char *ops = strchr(s, ':');
	const char *reps = ops ? strchr(ops + 1, ':') : NULL;
	const char *unit = reps ? strchr(reps + 1, ':') : NULL;
	const char *end = unit ? unit : s + strlen(s);
	struct bench_expect *want = &o->want[o->nwant];
	char why[ERR_MAX];
	unsigned int i;

	if (o->nwant == BENCH_WANT_MAX)
		return seterr(err, "-w '%s': more than %u benchmarks", s,
			      BENCH_WANT_MAX);
	if (!reps)
		return seterr(err, "-w '%s': want NAME:OPS:REPS[:UNIT]", s);
	if (bench_check_name(s, ops - s, why))
		return seterr(err, "-w '%s': benchmark %s", s, why);
	if (parse_count(ops + 1, reps, &want->ops) ||
	    parse_count(reps + 1, end, &want->reps))
		return seterr(err, "-w '%s': OPS and REPS must be whole numbers from 1 to %u",
			      s, UINT32_MAX);
	if (unit && bench_check_unit(unit + 1, strlen(unit + 1), why))
		return seterr(err, "-w '%s': %s", s, why);
	for (i = 0; i < o->nwant; i++)
		if (strlen(o->want[i].benchmark) == (size_t)(ops - s) &&
		    !strncmp(o->want[i].benchmark, s, ops - s))
			return seterr(err, "-w '%s': benchmark %s asked for twice",
				      s, o->want[i].benchmark);
	memset(want->benchmark, 0, sizeof(want->benchmark));
	memcpy(want->benchmark, s, ops - s);
	memset(want->unit, 0, sizeof(want->unit));
	if (unit)
		strcpy(want->unit, unit + 1);
	o->nwant++;
	return 0;
}

int parse_options(int argc, char **argv, struct options *o, char *err)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->mem_size = (uint32_t)MEM_DEFAULT_MIB << 20;

	/* optind = 0 makes glibc start afresh; opterr = 0 keeps it quiet. */
	optind = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, ":m:i:c:qr:w:h")) != -1) {
		switch (c) {
		case 'm':
			if (parse_mem(optarg, &o->mem_size, err))
				return -1;
			break;
		case 'i':
			o->initrd = optarg;
			break;
		case 'c':
			o->cmdline = optarg;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'r':
			o->results = optarg;
			break;
		case 'w':
			if (parse_want(optarg, o, err))
				return -1;
			break;
		case 'h':
			o->help = true;
			return 0;
		case ':':
			return seterr(err, "option -%c needs an argument",
				      optopt);
		default:
			if (isprint(optopt))
				return seterr(err, "unknown option -%c", optopt);
			return seterr(err, "unknown option '%s'",
				      argv[optind - 1]);
		}
	}
	/* Results need both: where they go, and which windows count. */
	if (!o->results != !o->nwant)
		return seterr(err, "-r and -w go together");
	if (optind == argc)
		return seterr(err, "no guest ELF given");
	if (argc - optind > 1)
		return seterr(err, "one guest ELF expected, also got '%s'",
			      argv[optind + 1]);
	o->guest = argv[optind];
	return 0;
}
