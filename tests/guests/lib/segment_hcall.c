// SPDX-License-Identifier: GPL-2.0
#include "hcall.h"
#include "segment_hcall.h"

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
