// SPDX-License-Identifier: GPL-2.0
/*
 * A return the CPU would refuse.
 *
 * We run on a code segment of our own, a copy of the kernel's, and then
 * shrink it to 4 KiB by hypercall.  The descriptor is a fine one (present,
 * code, ring 1) and %cs still names it, but our eip is far past the new
 * limit: the Switcher's iret back into us would fault at ring 0, half way
 * through restoring our registers (QEMU's TCG does not check that limit
 * on iret; hardware does).  The host must see it coming and kill us with a
 * reason; were it to miss, the Switcher would catch its own fault and the
 * host still kill us ("the CPU refused the guest's state").
 */
#include "desc.h"
#include "hcall.h"
#include "report.h"

#define OWN_CS_SLOT	20

int main(void)
{
	struct desc flat = desc_code(0xffffffff, 1), tiny = desc_code(0xfff, 1);

	hcall3(LHCALL_LOAD_GDT_ENTRY, OWN_CS_SLOT, flat.lo, flat.hi);
	asm volatile("ljmp %0, $1f\n1:" : : "i"(OWN_CS_SLOT * 8 + 1));
	report_info("running on code segment 0x%x", OWN_CS_SLOT * 8 + 1);
	hcall3(LHCALL_LOAD_GDT_ENTRY, OWN_CS_SLOT, tiny.lo, tiny.hi);
	report(false, "killed", "the host returned into a 4 KiB code segment");
	return report_summary();
}
