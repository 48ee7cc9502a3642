// SPDX-License-Identifier: GPL-2.0
/*
 * The launcher's work from the command line to the guest's end: load a
 * guest kernel into memory of its own, with the boot page tables and boot
 * info (load.c), and run it through /dev/lguest (run.c).  Every check on
 * the input happens before /dev/lguest is opened, so bad input always ends
 * with status 2 and a message, whatever the host.
 */
#include <stdio.h>

#include "errmsg.h"
#include "launch.h"
#include "load.h"
#include "options.h"
#include "run.h"

int launch(int argc, char **argv)
{
	struct options o;
	struct guest g;
	char err[ERR_MAX];
	int status;

	if (parse_options(argc, argv, &o, err)) {
		fprintf(stderr, "launcher: %s\n%s", err, USAGE_TEXT);
		return EXIT_USAGE;
	}
	if (o.help) {
		fputs(USAGE_TEXT, stdout);
		return 0;
	}
	status = load_guest(o.guest, o.initrd, o.cmdline, o.mem_size, &g, err);
	if (status) {
		fprintf(stderr, "launcher: %s\n", err);
		return status;
	}
	g.dev = LGUEST_DEV;
	g.quiet = o.quiet;
	return run_guest(&g);
}
