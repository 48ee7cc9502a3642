/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building x86 descriptors as the two 32-bit words the host takes
 * (LHCALL_LOAD_IDT_ENTRY, LHCALL_LOAD_GDT_ENTRY, LHCALL_LOAD_TLS).
 */
#ifndef GUEST_DESC_H
#define GUEST_DESC_H

#include "guest.h"

struct desc {
	u32 lo, hi;
};

#define GATE_INTERRUPT	0xE	/* clears the (virtual) IF on entry */
#define GATE_TRAP	0xF	/* leaves it alone */

#define DESC_PRESENT	(1u << 15)
#define DESC_DPL(d)	((u32)(d) << 13)

/* A 32-bit gate into the guest kernel's code segment. */
static inline struct desc desc_gate(u32 handler, u32 type, u32 dpl)
{
	struct desc d = {
		.lo = ((u32)LGUEST_KERNEL_CS << 16) | (handler & 0xFFFF),
		.hi = (handler & 0xFFFF0000) | DESC_PRESENT | DESC_DPL(dpl) |
		      (type << 8),
	};
	return d;
}

/*
 * A flat-offset, 32-bit, read/write data segment: base, and limit as the
 * last valid byte offset.  Byte granular up to 1 MiB, page granular above.
 */
static inline struct desc desc_data(u32 base, u32 limit, u32 dpl)
{
	u32 gran = 0;
	struct desc d;

	if (limit > 0xFFFFF) {
		limit >>= 12;
		gran = 1u << 23;
	}
	d.lo = (base << 16) | (limit & 0xFFFF);
	d.hi = (base & 0xFF000000) | ((base >> 16) & 0xFF) | gran |
	       (1u << 22) /* 32-bit */ | (limit & 0xF0000) | DESC_PRESENT |
	       DESC_DPL(dpl) | (1u << 12) /* code or data */ |
	       (0x3u << 8) /* data, writable, accessed */;
	return d;
}

/*
 * A 32-bit, readable, non-conforming code segment: base, and limit as the
 * last valid offset, granular as desc_data().
 */
static inline struct desc desc_code_at(u32 base, u32 limit, u32 dpl)
{
	struct desc d = desc_data(base, limit, dpl);

	d.hi = (d.hi & ~(0xFu << 8)) | (0xbu << 8) /* code, readable, accessed */;
	return d;
}

/* The same with base 0. */
static inline struct desc desc_code(u32 limit, u32 dpl)
{
	return desc_code_at(0, limit, dpl);
}

/*
 * A code segment made conforming: code at an outer ring may call or jump
 * into it and keeps running at its own privilege there.
 */
static inline struct desc desc_conforming(struct desc d)
{
	d.hi |= 1u << 10;
	return d;
}

/* A selector for GDT entry index at the given requested privilege. */
static inline u16 gdt_selector(unsigned int index, unsigned int rpl)
{
	return (u16)(index * 8 + rpl);
}

#endif
