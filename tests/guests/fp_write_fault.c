// SPDX-License-Identifier: GPL-2.0
/*
 * Write faults from ring 3 on pages the shadow maps read-only (issue 8,
 * item 1).  The fastpath build's Switcher reflects the guest's own write
 * faults itself; the host test checks where each was reflected.  Either
 * build must give the guest exactly what the CPU would:
 *
 * - copy-on-write: a read-only user page, read first (the shadow gets a
 *   read-only entry), then written: #PF, error 7, cr2, eip; the handler
 *   makes the page writable, as Linux's COW does, and the store lands;
 * - copy-on-write on a page never touched (the shadow has no entry, the
 *   CPU says not present): to the guest still a protection fault, 7;
 * - a writable PTE under a read-only page-directory entry: error 7 too;
 * - dirty tracking: a writable page not yet dirty, read first (the host
 *   keeps the shadow read-only until a write), then written: no fault
 *   for the guest at all, and the guest's PTE gets its dirty bit;
 * - a write to a page the guest unmapped (and flushed) after a read: a
 *   not-present fault, error 6.
 */
#include "fault_case.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define COW_VA		(USER_DATA_VA + 3 * PAGE_SIZE)
#define CLEAN_VA	(USER_DATA_VA + 4 * PAGE_SIZE)
#define GONE_VA		(USER_DATA_VA + 5 * PAGE_SIZE)
#define COLD_VA		(USER_DATA_VA + 6 * PAGE_SIZE)
#define RO_PDE_VA	(USER_DATA_VA + 7 * PT_SPAN + 0x10 * PAGE_SIZE)

static u32 cow_pa;

/* Copy-on-write, as Linux does it: the page becomes writable. */
static void cow_handler(struct trap_frame *f)
{
	if (f->error == (PF_PRESENT | PF_WRITE | PF_USER) &&
	    lguest_data.cr2 == COW_VA)
		pt_set(COW_VA, cow_pa | PTE_USER_RW);
	else
		user_exit(f);
}

static u32 map_page(u32 va, u32 flags, u32 word)
{
	u32 pa = page_alloc();

	*(u32 *)__va(pa) = word;
	pt_set(va, pa | flags);
	return pa;
}

int main(void)
{
	u32 pde, clean_pa;

	trap_set_handler(VEC_PF, user_exit);

	/* Copy-on-write, faulted and fixed by the guest's handler. */
	cow_pa = map_page(COW_VA, PTE_P | PTE_U | PTE_A, 0xc0c0);
	report_eq("cow_read", user_call(user_load, COW_VA, 0), VEC_SYSCALL);
	report_eq("cow_read_value", user_exit_info.frame.eax, 0xc0c0);
	trap_set_handler(VEC_PF, cow_handler);
	report_eq("cow_write_resumed", user_call(user_store, COW_VA, 0x5707e), VEC_SYSCALL);
	report_eq("cow_write_landed", *(u32 *)__va(cow_pa), 0x5707e);
	trap_set_handler(VEC_PF, user_exit);

	/* Copy-on-write on a page the shadow has never seen. */
	map_page(COLD_VA, PTE_P | PTE_U | PTE_A, 0xc01d);
	fault_check_snippet("cold_cow_write", user_store, user_store_insn, COLD_VA,
			    PF_PRESENT | PF_WRITE | PF_USER);

	/* A read-only page-directory entry over a writable PTE. */
	map_page(RO_PDE_VA, PTE_USER_RW, 0x0d0d);
	pde = ((u32 *)__va(pt_pgdir()))[RO_PDE_VA >> PDE_SHIFT];
	pt_set_pde(RO_PDE_VA >> PDE_SHIFT, pde & ~(u32)PTE_W);
	report_eq("ro_pde_read", user_call(user_load, RO_PDE_VA, 0), VEC_SYSCALL);
	fault_check_snippet("ro_pde_write", user_store, user_store_insn, RO_PDE_VA,
			    PF_PRESENT | PF_WRITE | PF_USER);
	fault_check_snippet("ro_pde_write_again", user_store, user_store_insn, RO_PDE_VA,
			    PF_PRESENT | PF_WRITE | PF_USER);
	pt_set_pde(RO_PDE_VA >> PDE_SHIFT, pde);

	/* Dirty tracking: the host's business, the guest sees no fault. */
	clean_pa = map_page(CLEAN_VA, PTE_P | PTE_W | PTE_U | PTE_A, 0xd1d1);
	report_eq("clean_read", user_call(user_load, CLEAN_VA, 0), VEC_SYSCALL);
	report(!(pt_get(CLEAN_VA) & PTE_D), "clean_not_dirty_after_read",
	       "pte %#x", pt_get(CLEAN_VA));
	report_eq("clean_write", user_call(user_store, CLEAN_VA, 0xd2d2), VEC_SYSCALL);
	report_eq("clean_write_landed", *(u32 *)__va(clean_pa), 0xd2d2);
	report(pt_get(CLEAN_VA) & PTE_D, "clean_dirty_after_write", "pte %#x",
	       pt_get(CLEAN_VA));

	/* Unmapped after a read: the write finds nothing, P clear. */
	map_page(GONE_VA, PTE_P | PTE_U | PTE_A, 0x6060);
	report_eq("gone_read", user_call(user_load, GONE_VA, 0), VEC_SYSCALL);
	pt_set(GONE_VA, 0);
	fault_check_snippet("gone_write", user_store, user_store_insn, GONE_VA,
			    PF_WRITE | PF_USER);
	return report_summary();
}
