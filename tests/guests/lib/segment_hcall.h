/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A hypercall made from a code segment of the guest's own.  The host
 * returns from a hypercall to the caller's %cs:eip, so where that segment
 * is one the guest loaded (LHCALL_LOAD_GDT_ENTRY), the host must judge it
 * first: a conforming segment, or an eip past its limit, is one it would
 * never return to.
 *
 * The segment's code is segment_hcall_stub: "int $0x1f" at offset 0, then
 * "lret" at offset SEGMENT_HCALL_LRET, the stub's last byte.  A segment
 * based at the stub with limit SEGMENT_HCALL_LRET holds the whole stub;
 * with limit SEGMENT_HCALL_LRET - 1 it ends right after the int, so the
 * return address is one byte past the limit.
 */
#ifndef GUEST_SEGMENT_HCALL_H
#define GUEST_SEGMENT_HCALL_H

#include "desc.h"

#define SEGMENT_HCALL_LRET	2

extern const char segment_hcall_stub[];

/*
 * Loads d into GDT slot and makes the hypercall from there, through a far
 * call to offset 0; returns %eax as the host left it.
 */
long segment_hcall(unsigned int slot, struct desc d, u32 nr, u32 a1, u32 a2,
		   u32 a3);

/*
 * LHCALL_SET_PTE from there, as the exitless Switcher would answer it
 * itself: a page at va touched from ring 3 first (reported as a check),
 * so the shadow has its page table, then pte written for va + PAGE_SIZE
 * and sent.  Returns the hypercall's result.
 */
long segment_set_pte(unsigned int slot, struct desc d, u32 va, u32 pte);

#endif
