// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's GDT.
 *
 * The CPU uses the GDT in the Switcher's read-only page while the guest
 * runs, built from two halves: entries the host owns (the Switcher's ring-0
 * segments, flat kernel and user segments, the TSS) and entries the guest
 * loads itself (LHCALL_LOAD_GDT_ENTRY, LHCALL_LOAD_TLS).  A guest entry is
 * made safe on the way in:
 *  - DPL 0 becomes DPL 1: the guest kernel runs at ring 1, and must not hand
 *    anyone a ring-0 segment;
 *  - system descriptors (TSS, LDT, gates) are refused: only the host's;
 *  - the accessed bit is set in advance.  The CPU sets it on first use, a
 *    write to the GDT, and that page is read-only in the guest: the write
 *    would fault inside the CPU's segment load.
 */
#include <linux/nospec.h>
#include <linux/string.h>
#include <asm/desc.h>
#include "lg.h"

/* Flat 4 GiB segments: present, 32-bit, 4 KiB granularity, accessed. */
#define FLAT_CODE(dpl)	(0xc09b | ((dpl) << 5))
#define FLAT_DATA(dpl)	(0xc093 | ((dpl) << 5))

static bool host_owned(unsigned int i)
{
	return (i >= LGUEST_GDT_SWITCHER_CS && i <= LGUEST_GDT_TSS) ||
	       i == LGUEST_GDT_DOUBLEFAULT_TSS;
}

/*
 * The Switcher's own ring-0 segments.  They go into the host's GDT as well
 * as the guest's (core.c), in slots the host leaves unused, so that the
 * Switcher's IDT gates work whichever GDT is loaded when an NMI comes.
 */
void set_switcher_segments(struct desc_struct *gdt)
{
	gdt[LGUEST_GDT_SWITCHER_CS] =
		(struct desc_struct)GDT_ENTRY_INIT(FLAT_CODE(0), 0, 0xfffff);
	gdt[LGUEST_GDT_SWITCHER_DS] =
		(struct desc_struct)GDT_ENTRY_INIT(FLAT_DATA(0), 0, 0xfffff);
}

void setup_guest_gdt(struct lguest *lg)
{
	static const struct desc_struct host[LGUEST_GDT_ENTRIES] = {
		[LGUEST_GDT_KERNEL_CS] = GDT_ENTRY_INIT(FLAT_CODE(1), 0, 0xfffff),
		[LGUEST_GDT_KERNEL_DS] = GDT_ENTRY_INIT(FLAT_DATA(1), 0, 0xfffff),
		[LGUEST_GDT_USER_CS] = GDT_ENTRY_INIT(FLAT_CODE(3), 0, 0xfffff),
		[LGUEST_GDT_USER_DS] = GDT_ENTRY_INIT(FLAT_DATA(3), 0, 0xfffff),
	};

	memcpy(lg->gdt, host, sizeof(host));
	set_switcher_segments(lg->gdt);
}

/* The guest's GDT as the CPU will see it, but for the per-CPU TSS entry. */
void copy_gdt(const struct lguest *lg, struct desc_struct *gdt)
{
	memcpy(gdt, lg->gdt, sizeof(lg->gdt));
}

static struct desc_struct guest_desc(u32 lo, u32 hi)
{
	struct desc_struct d;

	memcpy(&d, &lo, sizeof(lo));
	memcpy((char *)&d + sizeof(lo), &hi, sizeof(hi));
	if (!d.p || !d.s)
		return (struct desc_struct){ 0 };
	if (d.dpl == 0)
		d.dpl = 1;
	d.type |= 1;		/* accessed */
	return d;
}

void load_guest_gdt_entry(struct lguest *lg, u32 index, u32 lo, u32 hi)
{
	if (index >= LGUEST_GDT_ENTRIES) {
		kill_guest(lg, "GDT entry %u is out of range", index);
		return;
	}
	/* A guest loading its whole GDT writes these too: ignore them. */
	if (host_owned(index))
		return;
	/* The index is the guest's: no speculation past the check above. */
	index = array_index_nospec(index, LGUEST_GDT_ENTRIES);
	lg->gdt[index] = guest_desc(lo, hi);
	lg->changed = true;
	if (!valid_guest_regs(lg))
		kill_guest(lg, "GDT entry %u pulled out from under %%cs or %%ss",
			   index);
}

void load_guest_tls(struct lguest *lg, u32 gpa)
{
	u32 raw[2 * LGUEST_GDT_TLS_ENTRIES];
	int i;

	if (read_guest(lg, gpa, raw, sizeof(raw))) {
		kill_guest(lg, "TLS descriptors at %#x are out of range", gpa);
		return;
	}
	for (i = 0; i < LGUEST_GDT_TLS_ENTRIES; i++)
		lg->gdt[LGUEST_GDT_TLS_MIN + i] =
			guest_desc(raw[2 * i], raw[2 * i + 1]);
	lg->changed = true;
	if (!valid_guest_regs(lg))
		kill_guest(lg, "TLS load pulled a segment out from under %%cs or %%ss");
}

/*
 * May the Switcher load this selector into a segment register at ring 0 on
 * the way back into the guest?  A fault there would be the host's, so the
 * answer must be right: GDT only, in range, present, not the host's private
 * entries, and for %cs and %ss exactly the privilege they claim.
 */
static bool selector_ok(struct lguest *lg, u32 sel, bool cs, bool ss)
{
	unsigned int i = sel >> 3, rpl = sel & 3;
	const struct desc_struct *d;

	if (sel > 0xffff || (sel & 4) || i >= LGUEST_GDT_ENTRIES)
		return false;
	/* The selector is the guest's: no speculation past the check. */
	d = &lg->gdt[array_index_nospec(i, LGUEST_GDT_ENTRIES)];
	if (i == 0)
		return !cs && !ss;
	if (i == LGUEST_GDT_SWITCHER_CS || i == LGUEST_GDT_SWITCHER_DS ||
	    i == LGUEST_GDT_TSS || i == LGUEST_GDT_DOUBLEFAULT_TSS)
		return false;
	if (!d->p || !d->s)
		return false;
	if (cs)		/* non-conforming code at its own privilege */
		return (d->type & 0xc) == 0x8 && d->dpl == rpl && rpl != 0;
	if (ss)		/* writable data at the code's privilege */
		return (d->type & 0xa) == 0x2 && d->dpl == rpl;
	/* Data, or readable code, no more privileged than the selector. */
	return ((d->type & 0x8) == 0 || (d->type & 0x2)) && d->dpl >= rpl;
}

/* The last valid offset in a segment, as the CPU computes it. */
static u32 seg_limit(const struct desc_struct *d)
{
	u32 limit = get_desc_limit(d);

	return d->g ? limit << PAGE_SHIFT | ~PAGE_MASK : limit;
}

/*
 * Check the registers we are about to hand the Switcher.  A data segment
 * that no longer works is nulled, as the CPU itself does on a privilege
 * change; a broken %cs or %ss, or an eip past the limit of %cs (which the
 * Switcher's iret would fault on), cannot be repaired, and the caller
 * kills.
 */
bool valid_guest_regs(struct lguest *lg)
{
	struct lguest_regs *r = lg->regs;
	u32 *data[] = { &r->ds, &r->es, &r->fs, &r->gs };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(data); i++)
		if (!selector_ok(lg, *data[i], false, false))
			*data[i] = 0;
	return selector_ok(lg, r->cs, true, false) &&
	       selector_ok(lg, r->ss, false, true) &&
	       (r->ss & 3) == (r->cs & 3) &&
	       r->eip <= seg_limit(&lg->gdt[array_index_nospec(r->cs >> 3,
							      LGUEST_GDT_ENTRIES)]);
}
