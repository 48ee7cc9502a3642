// SPDX-License-Identifier: GPL-2.0
/*
 * A shadow left stale on purpose, for the host's shadow audit to find.
 * Ring 3 reads three user pages, so the host fills their shadow entries;
 * then the guest rewrites their PTEs in memory and tells the host nothing
 * (no SET_PTE, no FLUSH_TLB), as a guest kernel may between a write and
 * its flush: one PTE to another frame, one read-only, one not present.
 * Ring 3 still sees the old mappings, the shadow being its TLB, and the
 * guest shuts down leaving them so.  run-guests.sh loads lg.ko with
 * shadow_audit=1, and expect.txt wants exactly these three stale entries,
 * by address, and nothing bad: the audit sees a shadow behind the
 * guest's tables.
 */
#include "fault_case.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* The addresses expect.txt names. */
#define REMAP_VA	(USER_DATA_VA + 1 * PAGE_SIZE)	/* 0x40401000 */
#define RDONLY_VA	(USER_DATA_VA + 2 * PAGE_SIZE)	/* 0x40402000 */
#define GONE_VA		(USER_DATA_VA + 3 * PAGE_SIZE)	/* 0x40403000 */

/* A fresh user page at va, read once from ring 3; its pa in *pa. */
static u32 *map_and_read(const char *what, u32 va, u32 word, u32 *pa)
{
	u32 *kva;

	*pa = page_alloc();
	kva = __va(*pa);
	kva[4] = word;
	pt_set(va, *pa | PTE_USER_RW);
	fault_check_no_fault_load(what, va, word);
	return kva;
}

int main(void)
{
	u32 remap_pa, rdonly_pa, gone_pa, other_pa = page_alloc();
	u32 *rdonly;

	trap_set_handler(VEC_PF, fault_unexpected);
	((u32 *)__va(other_pa))[4] = 0x0badf00d;
	map_and_read("remap_filled", REMAP_VA, 0x11110001, &remap_pa);
	rdonly = map_and_read("rdonly_filled", RDONLY_VA, 0x22220002,
			      &rdonly_pa);
	map_and_read("gone_filled", GONE_VA, 0x33330003, &gone_pa);

	/* Behind the host's back: the guest's tables change, the shadow not. */
	WRITE_ONCE(*pt_entry(REMAP_VA, false), other_pa | PTE_USER_RW);
	WRITE_ONCE(*pt_entry(RDONLY_VA, false),
		   rdonly_pa | PTE_P | PTE_U | PTE_A | PTE_D);
	WRITE_ONCE(*pt_entry(GONE_VA, false), 0);

	/* Ring 3 sees what the shadow holds, not what the tables say. */
	fault_check_no_fault_load("remap_stale", REMAP_VA, 0x11110001);
	fault_check_no_fault_store("rdonly_stale", RDONLY_VA, rdonly,
				   0x2222beef);
	fault_check_no_fault_load("gone_stale", GONE_VA, 0x33330003);
	report_info("leaving 3 stale shadow entries: 0x%x, 0x%x, 0x%x",
		    REMAP_VA, RDONLY_VA, GONE_VA);
	return report_summary();
}
