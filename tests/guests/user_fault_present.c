// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 touching pages that are present in the guest's tables but may not
 * be in the host's shadow: the host must fill the shadow itself and the
 * guest's #PF handler must never run.  Each case leaves the shadow without
 * the entry in a different way: a fresh mapping, a flush of the user
 * mappings, a page table the host has never seen, and a PTE without the
 * accessed and dirty bits (which the host cannot map before the first
 * access).  The runner checks that the host's faults_fixed counter moved.
 */
#include "hcall.h"
#include "fault_case.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define PAGE_VA		(USER_DATA_VA + 3 * PAGE_SIZE)
#define FAR_VA		(USER_DATA_VA + PT_SPAN + 7 * PAGE_SIZE)
#define CLEAN_VA	(USER_DATA_VA + 11 * PAGE_SIZE)

/* A fresh page mapped at va with a known word at offset 16. */
static u32 *map_page(u32 va, u32 flags, u32 word)
{
	u32 pa = page_alloc();
	u32 *kva = __va(pa);

	kva[4] = word;
	pt_set(va, pa | flags);
	return kva;
}

int main(void)
{
	u32 *kva;

	trap_set_handler(VEC_PF, fault_unexpected);

	map_page(PAGE_VA, PTE_USER_RW, 0x1234abcd);
	fault_check_no_fault_load("fresh_pte", PAGE_VA, 0x1234abcd);

	hcall1(LHCALL_FLUSH_TLB, 0);
	fault_check_no_fault_load("after_user_flush", PAGE_VA, 0x1234abcd);

	kva = map_page(FAR_VA, PTE_USER_RW, 0);
	fault_check_no_fault_store("new_table", FAR_VA, kva, 0xc0ffee);

	kva = map_page(CLEAN_VA, PTE_P | PTE_W | PTE_U, 0x5eed);
	fault_check_no_fault_load("clean_pte_read", CLEAN_VA, 0x5eed);
	fault_check_no_fault_store("clean_pte_write", CLEAN_VA, kva, 0xd1d1);
	report_info("clean PTE after the accesses: 0x%x (accessed %u, dirty %u)",
		    pt_get(CLEAN_VA), !!(pt_get(CLEAN_VA) & PTE_A),
		    !!(pt_get(CLEAN_VA) & PTE_D));
	return report_summary();
}
