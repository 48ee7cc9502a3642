// SPDX-License-Identifier: GPL-2.0
/*
 * The launcher's work from the command line to the guest's end: load a
 * guest kernel into memory of its own, set up the boot page tables and
 * boot info, and run it through /dev/lguest.  Every check on the input
 * happens before /dev/lguest is opened, so bad input always ends with
 * status 2 and a message, whatever the host.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "boot.h"
#include "elf.h"
#include "errmsg.h"
#include "file.h"
#include "launch.h"
#include "options.h"
#include "run.h"

/* Maps @o->mem_size bytes of zeroed guest memory; NULL on failure. */
static void *alloc_guest(const struct options *o)
{
	void *mem = mmap(NULL, o->mem_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (mem != MAP_FAILED)
		return mem;
	fprintf(stderr, "launcher: cannot allocate %u MiB of guest memory: %s\n",
		o->mem_size >> 20, strerror(errno));
	return NULL;
}

int launch(int argc, char **argv)
{
	struct mapped_file kernel = { 0 }, initrd = { 0 };
	struct options o;
	struct boot_layout l;
	struct elf_image img;
	struct guest g;
	char err[ERR_MAX];

	if (parse_options(argc, argv, &o, err)) {
		fprintf(stderr, "launcher: %s\n%s", err, USAGE_TEXT);
		return EXIT_USAGE;
	}
	if (o.help) {
		fputs(USAGE_TEXT, stdout);
		return 0;
	}
	if (map_file(o.guest, "guest", &kernel, err) ||
	    (o.initrd && map_file(o.initrd, "initrd", &initrd, err)) ||
	    boot_plan(o.mem_size, initrd.size, o.cmdline, &l, err)) {
		fprintf(stderr, "launcher: %s\n", err);
		return EXIT_USAGE;
	}

	g.mem = alloc_guest(&o);
	if (!g.mem)
		return EXIT_OSERR;
	if (elf_load(kernel.data, kernel.size, g.mem, l.kernel_limit, &img,
		     err)) {
		fprintf(stderr, "launcher: guest %s: %s\n", o.guest, err);
		return EXIT_USAGE;
	}
	boot_build_pagetables(g.mem, &l);
	boot_write_info(g.mem, &l, o.cmdline, initrd.data);
	unmap_file(&kernel);
	unmap_file(&initrd);

	g.dev = LGUEST_DEV;
	g.mem_size = o.mem_size;
	g.quiet = o.quiet;
	g.init = (struct lguest_init) {
		.mem_base = (uint32_t)(uintptr_t)g.mem,
		.mem_size = o.mem_size,
		.pgdir = l.pgdir,
		.entry = img.entry,
		.boot_info = l.boot_info,
		.flags = 0,
	};
	return run_guest(&g);
}
