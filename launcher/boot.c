// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "boot.h"
#include "errmsg.h"

/* The page directory slot of virtual address @va. */
#define PGD_INDEX(va)	((uint32_t)(va) >> PGDIR_SHIFT)

int boot_plan(uint32_t mem_size, uint32_t initrd_size, const char *cmdline,
	      struct boot_layout *l, char *err)
{
	size_t cmdline_len = cmdline ? strlen(cmdline) : 0;

	memset(l, 0, sizeof(*l));
	if (mem_size == 0 || mem_size % PGDIR_SIZE ||
	    mem_size > LGUEST_MEM_MAX)
		return seterr(err, "guest memory of %u bytes is not a multiple of %u MiB up to %u MiB",
			      mem_size, PGDIR_SIZE >> 20, LGUEST_MEM_MAX >> 20);
	if (cmdline_len > BOOT_CMDLINE_MAX)
		return seterr(err, "command line of %zu bytes is longer than %zu",
			      cmdline_len, (size_t)BOOT_CMDLINE_MAX);

	l->mem_size = mem_size;
	l->pgdir = mem_size - PAGE_SIZE;
	l->nr_ptes = mem_size / PGDIR_SIZE;
	l->ptes = l->pgdir - l->nr_ptes * PAGE_SIZE;
	l->boot_info = l->ptes - PAGE_SIZE;
	l->kernel_limit = l->boot_info;
	if (cmdline) {
		l->cmdline = l->boot_info + BOOT_CMDLINE_OFFSET;
		l->cmdline_len = cmdline_len;
	}
	if (initrd_size) {
		/*
		 * Rounding the start down keeps it page aligned; it may not
		 * start at 0, which the boot info reads as "no initrd".
		 */
		if (initrd_size > l->boot_info - PAGE_SIZE)
			return seterr(err, "initrd of %u bytes does not fit in %u MiB of guest memory",
				      initrd_size, mem_size >> 20);
		l->initrd = (l->boot_info - initrd_size) & ~(PAGE_SIZE - 1);
		l->initrd_size = initrd_size;
		l->kernel_limit = l->initrd;
	}
	return 0;
}

void boot_build_pagetables(void *mem, const struct boot_layout *l)
{
	uint32_t *pgd = (uint32_t *)((char *)mem + l->pgdir);
	uint32_t *pte = (uint32_t *)((char *)mem + l->ptes);
	uint32_t i, pde;

	/* Page table i maps guest-physical [i * 4 MiB, (i + 1) * 4 MiB). */
	for (i = 0; i < l->nr_ptes * PTRS_PER_TABLE; i++)
		pte[i] = (i * PAGE_SIZE) | BOOT_PTE_FLAGS;

	memset(pgd, 0, PAGE_SIZE);
	for (i = 0; i < l->nr_ptes; i++) {
		pde = (l->ptes + i * PAGE_SIZE) | BOOT_PDE_FLAGS;
		pgd[i] = pde;
		pgd[PGD_INDEX(LGUEST_PAGE_OFFSET) + i] = pde;
	}
}

void boot_write_info(void *mem, const struct boot_layout *l,
		     const char *cmdline, const void *initrd)
{
	struct lguest_boot_info bi = {
		.magic = LGUEST_BOOT_MAGIC,
		.mem_size = l->mem_size,
		.pgdir = l->pgdir,
		.cmdline = l->cmdline,
		.cmdline_len = l->cmdline_len,
		.initrd = l->initrd,
		.initrd_size = l->initrd_size,
	};
	char *page = (char *)mem + l->boot_info;

	memset(page, 0, PAGE_SIZE);
	memcpy(page, &bi, sizeof(bi));
	if (l->cmdline)
		memcpy((char *)mem + l->cmdline, cmdline, l->cmdline_len);
	if (l->initrd)
		memcpy((char *)mem + l->initrd, initrd, l->initrd_size);
}
