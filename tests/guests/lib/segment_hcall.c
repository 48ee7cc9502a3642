// SPDX-License-Identifier: GPL-2.0
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "segment_hcall.h"
#include "user.h"

asm(".pushsection .text\n"
    ".globl segment_hcall_stub\n"
    "segment_hcall_stub:\n"
    "	int $0x1f\n"
    "	lret\n"
    ".popsection");

long segment_hcall(unsigned int slot, struct desc d, u32 nr, u32 a1, u32 a2,
		   u32 a3)
{
	struct {
		u32 offset;
		u16 selector;
	} __attribute__((packed)) target = { 0, gdt_selector(slot, 1) };
	long ret;

	hcall3(LHCALL_LOAD_GDT_ENTRY, slot, d.lo, d.hi);
	asm volatile("lcall *%[target]"
		     : "=a"(ret)
		     : [target] "m"(target), "a"(nr), "b"(a1), "c"(a2), "d"(a3)
		     : "memory");
	return ret;
}

long segment_set_pte(unsigned int slot, struct desc d, u32 va, u32 pte)
{
	trap_set_handler(VEC_PF, user_exit);
	pt_set(va, page_alloc() | PTE_USER_RW);
	report_eq("first_touch_ended_in_syscall", user_call(user_load, va, 0),
		  VEC_SYSCALL);
	WRITE_ONCE(*pt_entry(va + PAGE_SIZE, true), pte);
	return segment_hcall(slot, d, LHCALL_SET_PTE, pt_pgdir(),
			     va + PAGE_SIZE, pte);
}
