/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pages of guest memory for page tables and test data: the free memory above
 * the loaded image and below whatever the launcher put higher up (its page
 * tables, the boot information, command line and initrd).
 */
#ifndef GUEST_PAGE_ALLOC_H
#define GUEST_PAGE_ALLOC_H

#include "guest.h"

void page_alloc_init(void);
/* A zeroed page's guest-physical address; aborts when memory runs out. */
u32 page_alloc(void);
void page_free(u32 pa);
/* Pages still available, for tests that size themselves. */
u32 page_alloc_free_pages(void);

#endif
