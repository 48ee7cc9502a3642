/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the launcher puts at the top of guest memory before the guest runs:
 *
 *	mem_size - 4K		page directory
 *	below it		one page table per 4 MiB of guest memory
 *	below those		boot-info page (struct lguest_boot_info, then
 *				the command line)
 *	below that		initrd, page aligned, if any
 *	the rest		the kernel's segments
 *
 * The page tables map all of guest memory at virtual 0 and again at
 * LGUEST_PAGE_OFFSET; both halves share the same page tables.
 */
#ifndef LAUNCHER_BOOT_H
#define LAUNCHER_BOOT_H

#include <stddef.h>
#include <stdint.h>

#include "../module/uapi/lguest.h"

#define PAGE_SIZE		4096u
#define PTRS_PER_TABLE		1024u
#define PGDIR_SHIFT		22
/* Bytes of guest memory one page table maps. */
#define PGDIR_SIZE		(1u << PGDIR_SHIFT)
/* Present, writable, accessed, dirty; no user bit: kernel-only. */
#define BOOT_PTE_FLAGS		0x63u
#define BOOT_PDE_FLAGS		0x63u
#define BOOT_CMDLINE_OFFSET	sizeof(struct lguest_boot_info)
/* The command line shares the boot-info page, with its NUL. */
#define BOOT_CMDLINE_MAX	(PAGE_SIZE - BOOT_CMDLINE_OFFSET - 1)

/* Every address below is guest-physical. */
struct boot_layout {
	uint32_t mem_size;
	uint32_t pgdir;
	uint32_t ptes;		/* the first page table */
	uint32_t nr_ptes;	/* page tables, one per PGDIR_SIZE */
	uint32_t boot_info;
	uint32_t cmdline;	/* 0 if none */
	uint32_t cmdline_len;
	uint32_t initrd;	/* 0 if none */
	uint32_t initrd_size;
	uint32_t kernel_limit;	/* the kernel's segments must end below */
};

/*
 * Lays out guest memory of @mem_size bytes (a multiple of PGDIR_SIZE) for an
 * initrd of @initrd_size bytes (0 for none) and @cmdline (NULL for none).
 * Returns 0, or -1 with a message in @err when they do not fit.
 */
int boot_plan(uint32_t mem_size, uint32_t initrd_size, const char *cmdline,
	      struct boot_layout *l, char *err);

/* Writes the page directory and page tables of @l into @mem. */
void boot_build_pagetables(void *mem, const struct boot_layout *l);

/*
 * Writes the boot-info page of @l, with @cmdline when @l has one, and copies
 * @initrd (l->initrd_size bytes) when @l has one.
 */
void boot_write_info(void *mem, const struct boot_layout *l,
		     const char *cmdline, const void *initrd);

#endif /* LAUNCHER_BOOT_H */
