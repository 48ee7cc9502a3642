// SPDX-License-Identifier: GPL-2.0
#include "hcall.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"

static u32 cur_pgdir;

u32 pt_pgdir(void)
{
	if (!cur_pgdir)
		cur_pgdir = boot_info->pgdir;
	return cur_pgdir;
}

void pt_switch(u32 pgdir_pa)
{
	cur_pgdir = pgdir_pa;
	hcall1(LHCALL_NEW_PGTABLE, pgdir_pa);
}

void pt_set_pde(unsigned int index, u32 pde)
{
	u32 *pgdir = __va(pt_pgdir());

	WRITE_ONCE(pgdir[index], pde);
	hcall2(LHCALL_SET_PGD, pt_pgdir(), index);
}

u32 *pt_entry(u32 va, bool create)
{
	u32 *pgdir = __va(pt_pgdir());
	u32 pde = pgdir[va >> PDE_SHIFT];

	if (!(pde & PTE_P)) {
		if (!create)
			return NULL;
		pde = page_alloc() | PDE_TABLE;
		pt_set_pde(va >> PDE_SHIFT, pde);
	} else if (pde & PTE_PSE) {
		report_abort("0x%x is in a 4 MiB page; the library maps 4 KiB pages only",
			     va);
	}
	return (u32 *)__va(pde & PAGE_MASK) + ((va >> 12) & 1023);
}

u32 pt_get(u32 va)
{
	u32 *pte = pt_entry(va, false);

	return pte ? READ_ONCE(*pte) : 0;
}

void pt_set(u32 va, u32 pte)
{
	WRITE_ONCE(*pt_entry(va, true), pte);
	hcall3(LHCALL_SET_PTE, pt_pgdir(), va & PAGE_MASK, pte);
}

void pt_set_async(u32 va, u32 pte)
{
	WRITE_ONCE(*pt_entry(va, true), pte);
	hcall_async(LHCALL_SET_PTE, pt_pgdir(), va & PAGE_MASK, pte, 0);
}
