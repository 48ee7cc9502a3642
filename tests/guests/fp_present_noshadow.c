// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case c: ring 3 touches a page the guest has mapped (accessed and
 * dirty already set, as Linux maps them) after LHCALL_FLUSH_TLB(0) threw
 * the host's shadow of all user mappings away.  The host must refill the
 * shadow itself: the guest's #PF handler never runs and the access just
 * works.  In the fastpath build every one of these faults walks the guest
 * tables, finds the entry present and hands the fault to the host
 * (fallback reason PRESENT; the host test checks it moved).
 *
 * Each round maps a fresh page, sometimes under a fresh page table,
 * sometimes telling the host (LHCALL_SET_PTE) and sometimes only writing
 * the entry, flushes, and reads or writes it from ring 3.
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define BASE_VA		(USER_DATA_VA + 3 * PT_SPAN)
#define ROUNDS		128	/* the host test wants PRESENT >= this */
#define PAGES		16	/* data pages, reused */

static unsigned int guest_faults;

static void unexpected_fault(struct trap_frame *f)
{
	guest_faults++;
	user_exit(f);
}

int main(void)
{
	unsigned int i, bad_vector = 0, bad_value = 0, bad_memory = 0;
	u32 pages[PAGES];

	trap_set_handler(VEC_PF, unexpected_fault);
	for (i = 0; i < PAGES; i++)
		pages[i] = page_alloc();

	for (i = 0; i < ROUNDS; i++) {
		/* Every 8th round under a table of its own, made just now. */
		u32 va = BASE_VA + (i / 8) * PT_SPAN + (i % 8) * PAGE_SIZE +
			 (i * 52) % PAGE_SIZE;
		u32 pa = pages[i % PAGES], *kva = __va(pa);
		u32 word = 0x71000000 + i, vector;
		bool write = i & 1;

		va &= ~3u;
		kva[(va & ~PAGE_MASK) / 4] = word;
		if (i & 2)
			pt_set(va, pa | PTE_USER_RW);
		else
			WRITE_ONCE(*pt_entry(va, true), pa | PTE_USER_RW);
		hcall1(LHCALL_FLUSH_TLB, 0);

		if (write)
			vector = user_call(user_store, va, ~word);
		else
			vector = user_call(user_load, va, 0);
		if (vector != VEC_SYSCALL && !bad_vector++)
			report_info("round %u: vector %u, cr2 0x%x, error 0x%x",
				    i, vector, user_exit_info.cr2,
				    user_exit_info.frame.error);
		if (!write && user_exit_info.frame.eax != word && !bad_value++)
			report_info("round %u: read 0x%x, want 0x%x", i,
				    user_exit_info.frame.eax, word);
		if (write && kva[(va & ~PAGE_MASK) / 4] != ~word && !bad_memory++)
			report_info("round %u: memory 0x%x, want 0x%x", i,
				    kva[(va & ~PAGE_MASK) / 4], ~word);
		/* Unmap again, properly, for the next user of the page. */
		pt_set(va, 0);
	}
	report_eq("no_guest_fault", guest_faults, 0);
	report_eq("all_ended_in_syscall", bad_vector, 0);
	report_eq("reads_saw_memory", bad_value, 0);
	report_eq("writes_reached_memory", bad_memory, 0);
	return report_summary();
}
