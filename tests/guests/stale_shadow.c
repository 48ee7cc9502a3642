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
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* The addresses expect.txt names. */
#define REMAP_VA	(USER_DATA_VA + 1 * PAGE_SIZE)	/* 0x40401000 */
#define RDONLY_VA	(USER_DATA_VA + 2 * PAGE_SIZE)	/* 0x40402000 */
#define GONE_VA		(USER_DATA_VA + 3 * PAGE_SIZE)	/* 0x40403000 */

static unsigned int guest_faults;

static void unexpected_fault(struct trap_frame *f)
{
	guest_faults++;
	user_exit(f);
}

/* Ring 3 loads the word at va + 16: is it want, with no fault? */
static void check_load(const char *what, u32 va, u32 want)
{
	u32 vector = user_call(user_load, va + 16, 0);

	report(vector == VEC_SYSCALL && guest_faults == 0,
	       report_name(what, "no_guest_fault"),
	       "vector %u, %u guest page faults (cr2 0x%x, error 0x%x)", vector,
	       guest_faults, user_exit_info.cr2, user_exit_info.frame.error);
	report_eq(report_name(what, "value"), user_exit_info.frame.eax, want);
}

/* A fresh user page at va, read once from ring 3; its pa in *pa. */
static u32 *map_and_read(const char *what, u32 va, u32 word, u32 *pa)
{
	u32 *kva;

	*pa = page_alloc();
	kva = __va(*pa);
	kva[4] = word;
	pt_set(va, *pa | PTE_USER_RW);
	check_load(what, va, word);
	return kva;
}

int main(void)
{
	u32 remap_pa, rdonly_pa, gone_pa, other_pa = page_alloc();
	u32 *rdonly, vector;

	trap_set_handler(VEC_PF, unexpected_fault);
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
	check_load("remap_stale", REMAP_VA, 0x11110001);
	vector = user_call(user_store, RDONLY_VA + 16, 0x2222beef);
	report(vector == VEC_SYSCALL && guest_faults == 0,
	       "rdonly_stale_no_guest_fault",
	       "vector %u, %u guest page faults (cr2 0x%x, error 0x%x)", vector,
	       guest_faults, user_exit_info.cr2, user_exit_info.frame.error);
	report_eq("rdonly_stale_value", READ_ONCE(rdonly[4]), 0x2222beef);
	check_load("gone_stale", GONE_VA, 0x33330003);
	report_info("leaving 3 stale shadow entries: 0x%x, 0x%x, 0x%x",
		    REMAP_VA, RDONLY_VA, GONE_VA);
	return report_summary();
}
