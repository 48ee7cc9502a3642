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

int parse_options(int argc, char **argv, struct options *o, char *err)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->mem_size = (uint32_t)MEM_DEFAULT_MIB << 20;

	/* optind = 0 makes glibc start afresh; opterr = 0 keeps it quiet. */
	optind = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, ":m:i:c:qh")) != -1) {
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
	if (optind == argc)
		return seterr(err, "no guest ELF given");
	if (argc - optind > 1)
		return seterr(err, "one guest ELF expected, also got '%s'",
			      argv[optind + 1]);
	o->guest = argv[optind];
	return 0;
}
