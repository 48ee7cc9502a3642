// SPDX-License-Identifier: GPL-2.0
/*
 * The fault M:012 targets: user space writes to pages the guest has not
 * mapped yet.  Each write faults into the guest's handler, which does what a
 * kernel does for anonymous memory: takes a zeroed page, writes the PTE with
 * accessed and dirty set, tells the host (a synchronous LHCALL_SET_PTE) and
 * returns, and the write is retried.  One operation is one page.
 *
 * The page tables for the region are made once, before the first
 * repetition, and between repetitions every page is unmapped and freed, so
 * each repetition takes ops real not-present faults with the tables already
 * in place.
 */
#include "bench.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define REGION	0x41000000u	/* a 4 MiB boundary, clear of the library's */

static u32 region_end;

static void fault(struct trap_frame *f)
{
	u32 va = READ_ONCE(lguest_data.cr2);

	if (!trap_from_user(f) || va < REGION || va >= region_end ||
	    f->error != (PF_USER | PF_WRITE))
		report_abort("unexpected fault at 0x%x, error 0x%x, eip 0x%x",
			     va, f->error, f->eip);
	pt_set(va, page_alloc() | PTE_USER_RW);
}

static void setup(u32 ops)
{
	u32 va;

	if (ops > page_alloc_free_pages())
		report_abort("%u pages asked, %u free", ops,
			     page_alloc_free_pages());
	region_end = REGION + ops * PAGE_SIZE;
	for (va = REGION; va < region_end; va += PT_SPAN)
		pt_entry(va, true);
	trap_set_handler(VEC_PF, fault);
}


static void reset(u32 ops)
{
	u32 va;

	for (va = REGION; va < REGION + ops * PAGE_SIZE; va += PAGE_SIZE) {
		u32 pte = pt_get(va);

		if (!(pte & PTE_P))
			report_abort("0x%x was not mapped by the run", va);
		pt_set(va, 0);
		page_free(pte & PAGE_MASK);
	}
}

static void touch(u32 ops)
{
	user_touch_pages(REGION, ops);
}

int main(void)
{
	static const struct bench b = {
		.name = "user_fault_notpresent",
		.def_ops = 1000,
		.setup = setup,
		.run = touch,
		.reset = reset,
	};

	return bench_main(&b);
}
