// SPDX-License-Identifier: GPL-2.0
/*
 * Copy-on-write: user space writes to pages its kernel has mapped read-only,
 * all of them one shared page, as after fork().  Each write is a protection
 * fault the guest's entries call for; the guest's handler copies the shared
 * page into a fresh one, maps that writable (LHCALL_SET_PTE) and returns,
 * and the write is retried.  Baseline: the fault goes to the host, which
 * reflects it, and the SET_PTE goes too (4 world switches); fastpath: the
 * walker reflects the fault (2); exitless: the Switcher answers the SET_PTE
 * as well (0).  One operation is one page.
 *
 * Between repetitions the copies are freed and every page mapped read-only
 * to the shared page again, already used (accessed), so the shadow holds
 * the read-only entries when the timed writes begin.
 */
#include "bench.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "str.h"
#include "user.h"

#define REGION	0x41000000u	/* a 4 MiB boundary, clear of the library's */
#define PTE_USER_RO	(PTE_P | PTE_U | PTE_A)

static u32 region_end, shared;

static void fault(struct trap_frame *f)
{
	u32 va = READ_ONCE(lguest_data.cr2);
	u32 copy;

	if (!trap_from_user(f) || va < REGION || va >= region_end ||
	    f->error != (PF_USER | PF_WRITE | PF_PRESENT))
		report_abort("unexpected fault at 0x%x, error 0x%x, eip 0x%x",
			     va, f->error, f->eip);
	copy = page_alloc();
	memcpy(__va(copy), __va(shared), PAGE_SIZE);
	pt_set(va, copy | PTE_USER_RW);
}

static void reset(u32 ops)
{
	u32 va;

	for (va = REGION; va < REGION + ops * PAGE_SIZE; va += PAGE_SIZE) {
		u32 pte = pt_get(va);

		if ((pte & PAGE_MASK) != shared)
			page_free(pte & PAGE_MASK);
		pt_set(va, shared | PTE_USER_RO);
	}
}

static void setup(u32 ops)
{
	u32 va;

	if (ops + 1 > page_alloc_free_pages())
		report_abort("%u pages asked, %u free", ops + 1,
			     page_alloc_free_pages());
	shared = page_alloc();
	memset(__va(shared), 0x5a, PAGE_SIZE);
	region_end = REGION + ops * PAGE_SIZE;
	for (va = REGION; va < region_end; va += PAGE_SIZE)
		pt_set(va, shared | PTE_USER_RO);
	trap_set_handler(VEC_PF, fault);
}


static void touch(u32 ops)
{
	user_touch_pages(REGION, ops);
}

int main(void)
{
	static const struct bench b = {
		.name = "user_fault_cow",
		.def_ops = 1000,
		.setup = setup,
		.run = touch,
		.reset = reset,
	};

	return bench_main(&b);
}
