// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "boot.h"
#include "elf.h"
#include "errmsg.h"
#include "file.h"
#include "load.h"

int load_guest(const char *path, const char *initrd_path, const char *cmdline,
	       uint32_t mem_size, struct guest *g, char *err)
{
	struct mapped_file kernel = { 0 }, initrd = { 0 };
	struct boot_layout l;
	struct elf_image img;
	char why[ERR_MAX];
	int status = EXIT_USAGE;

	if (map_file(path, "guest", &kernel, err) ||
	    (initrd_path && map_file(initrd_path, "initrd", &initrd, err)) ||
	    boot_plan(mem_size, initrd.size, cmdline, &l, err))
		goto out;
	g->mem = mmap(NULL, mem_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (g->mem == MAP_FAILED) {
		seterr(err, "cannot allocate %u MiB of guest memory: %s",
		       mem_size >> 20, strerror(errno));
		status = EXIT_OSERR;
		goto out;
	}
	if (elf_load(kernel.data, kernel.size, g->mem, l.kernel_limit, &img,
		     why) || elf_check_lguest_note(kernel.data, kernel.size, why)) {
		seterr(err, "guest %s: %s", path, why);
		munmap(g->mem, mem_size);
		goto out;
	}
	boot_build_pagetables(g->mem, &l);
	boot_write_info(g->mem, &l, cmdline, initrd.data);
	g->mem_size = mem_size;
	g->init = (struct lguest_init) {
		.mem_base = (uint32_t)(uintptr_t)g->mem,
		.mem_size = mem_size,
		.pgdir = l.pgdir,
		.entry = img.entry,
		.boot_info = l.boot_info,
		.flags = 0,
	};
	status = 0;
out:
	unmap_file(&kernel);
	unmap_file(&initrd);
	return status;
}
