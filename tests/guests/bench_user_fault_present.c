// SPDX-License-Identifier: GPL-2.0
/*
 * User space writes to pages its kernel has already mapped, but that the
 * host's shadow does not hold yet: the state Linux leaves a page in when it
 * writes the PTE and lets the host fill the shadow on demand.  The guest's
 * #PF handler never runs; the fault is the shadow's alone.  Baseline and
 * fastpath builds go to the host for it (2 world switches); the exitless
 * build's Switcher fills the entry itself (0).  One operation is one page.
 *
 * Between repetitions every PTE is sent again by LHCALL_SET_PTE without its
 * accessed bit, which drops the shadow's entry (the host shadows at once
 * only an entry the guest has used) but keeps the shadow's page table, so
 * each repetition takes ops faults with the tables in place.
 */
#include "bench.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define REGION	0x41000000u	/* a 4 MiB boundary, clear of the library's */
#define PTE_UNUSED	(PTE_P | PTE_W | PTE_U | PTE_D)	/* no accessed bit */

static u32 region_end;

static void fault(struct trap_frame *f)
{
	report_abort("the guest saw a fault at 0x%x, error 0x%x, eip 0x%x",
		     READ_ONCE(lguest_data.cr2), f->error, f->eip);
}

static void reset(u32 ops)
{
	u32 va;

	for (va = REGION; va < REGION + ops * PAGE_SIZE; va += PAGE_SIZE)
		pt_set(va, (pt_get(va) & PAGE_MASK) | PTE_UNUSED);
}

static void setup(u32 ops)
{
	u32 va;

	if (ops > page_alloc_free_pages())
		report_abort("%u pages asked, %u free", ops,
			     page_alloc_free_pages());
	region_end = REGION + ops * PAGE_SIZE;
	for (va = REGION; va < region_end; va += PAGE_SIZE)
		pt_set(va, page_alloc() | PTE_UNUSED);
	trap_set_handler(VEC_PF, fault);
}


static void touch(u32 ops)
{
	user_touch_pages(REGION, ops);
}

int main(void)
{
	static const struct bench b = {
		.name = "user_fault_present",
		.def_ops = 1000,
		.setup = setup,
		.run = touch,
		.reset = reset,
	};

	return bench_main(&b);
}
