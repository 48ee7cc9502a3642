// SPDX-License-Identifier: GPL-2.0
/*
 * The launcher's work from the command line to the guest's end: load a
 * guest kernel into memory of its own, with the boot page tables and boot
 * info (load.c), and run it through /dev/lguest (run.c).  Every check on
 * the input happens before /dev/lguest is opened, so bad input always ends
 * with status 2 and a message, whatever the host.
 *
 * The results file (-r) is the launcher's alone: the guest's console goes
 * to stdout, so nothing a guest prints can pass for a line the launcher
 * wrote there.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
	memcpy(g.want, o.want, sizeof(g.want));
	g.nwant = o.nwant;
	g.results_fd = -1;
	if (o.results) {
		g.results_fd = open(o.results, O_WRONLY | O_APPEND | O_CREAT |
				    O_NOCTTY | O_CLOEXEC, 0644);
		if (g.results_fd < 0) {
			fprintf(stderr, "launcher: cannot open %s: %s\n",
				o.results, strerror(errno));
			return EXIT_USAGE;
		}
	}
	status = run_guest(&g);
	if (g.results_fd >= 0)
		close(g.results_fd);
	return status;
}
