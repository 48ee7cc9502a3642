/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest's own page tables: two levels, 4 KiB pages.  Every change to a
 * table the host may have shadowed is followed by the hypercall that tells
 * it (LHCALL_SET_PTE, LHCALL_SET_PGD), as the ABI requires.
 */
#ifndef GUEST_PT_H
#define GUEST_PT_H

#include "guest.h"

#define PTE_P		0x001
#define PTE_W		0x002
#define PTE_U		0x004
#define PTE_A		0x020
#define PTE_D		0x040
#define PTE_PSE		0x080	/* in a page directory entry: a 4 MiB page */

#define PDE_SHIFT	22
#define PT_SPAN		(1u << PDE_SHIFT)	/* bytes mapped by one table */

/* Page-directory entries the library creates for its own tables. */
#define PDE_TABLE	(PTE_P | PTE_W | PTE_U | PTE_A)
/* The usual user page, with accessed and dirty set as Linux would. */
#define PTE_USER_RW	(PTE_P | PTE_W | PTE_U | PTE_A | PTE_D)

/* The guest-physical address of the page directory in use. */
u32 pt_pgdir(void);
/* Switches page directory (LHCALL_NEW_PGTABLE). */
void pt_switch(u32 pgdir_pa);
/* The PTE for va, allocating its table if create; NULL if there is none. */
u32 *pt_entry(u32 va, bool create);
/* The PTE for va, 0 if none. */
u32 pt_get(u32 va);
/* Writes the PTE for va and tells the host synchronously. */
void pt_set(u32 va, u32 pte);
/* The same through the async ring: the host learns at the next exit. */
void pt_set_async(u32 va, u32 pte);
/* Writes a raw page-directory entry and tells the host. */
void pt_set_pde(unsigned int index, u32 pde);

#endif
