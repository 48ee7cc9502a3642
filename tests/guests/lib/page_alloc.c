// SPDX-License-Identifier: GPL-2.0
/*
 * A bump allocator with a free list.  Freed pages are chained through their
 * first word, so giving pages back costs nothing and a benchmark can reuse
 * the same pages in every repetition.
 */
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "str.h"

static u32 next_pa, limit_pa, free_list, free_count;

/* Lowers limit to the page holding pa if pa lies in [start, limit). */
static u32 clip(u32 limit, u32 start, u32 pa)
{
	if (pa >= start && pa < limit)
		return pa & PAGE_MASK;
	return limit;
}

void page_alloc_init(void)
{
	const u32 *pgdir = __va(boot_info->pgdir);
	u32 start = page_align(__pa(_end));
	u32 limit = boot_info->mem_size;
	unsigned int i;

	limit = clip(limit, start, boot_info->pgdir);
	limit = clip(limit, start, __pa(boot_info));
	if (boot_info->cmdline)
		limit = clip(limit, start, boot_info->cmdline);
	if (boot_info->initrd)
		limit = clip(limit, start, boot_info->initrd);
	for (i = 0; i < 1024; i++)
		if ((pgdir[i] & PTE_P) && !(pgdir[i] & PTE_PSE))
			limit = clip(limit, start, pgdir[i] & PAGE_MASK);
	if (limit <= start)
		report_abort("no free memory between the image end 0x%x and 0x%x",
			     start, limit);
	next_pa = start;
	limit_pa = limit;
}

u32 page_alloc(void)
{
	u32 pa;

	if (free_list) {
		pa = free_list;
		free_list = *(u32 *)__va(pa);
		free_count--;
	} else if (next_pa < limit_pa) {
		pa = next_pa;
		next_pa += PAGE_SIZE;
	} else {
		report_abort("out of guest memory (free pages end at 0x%x)",
			     limit_pa);
	}
	memset(__va(pa), 0, PAGE_SIZE);
	return pa;
}

void page_free(u32 pa)
{
	*(u32 *)__va(pa) = free_list;
	free_list = pa;
	free_count++;
}

u32 page_alloc_free_pages(void)
{
	return (limit_pa - next_pa) / PAGE_SIZE + free_count;
}
