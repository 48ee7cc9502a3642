// SPDX-License-Identifier: GPL-2.0
/*
 * LHCALL_READ_COUNTERS copies the host's counters for this guest into its
 * memory, taken with the call's own exit counted: two reads in a row must
 * differ by exactly one trip (2 world switches) and one such call, and a
 * null hypercall between them adds exactly one trip and one LHCALL_NOP.
 * This is what lets a benchmark in a Linux guest subtract its own
 * bookkeeping from the counts of its timed window.
 */
#include "hcall.h"
#include "report.h"

static struct lguest_counters a, b, c;

int main(void)
{
	long ra, rb, rc;
	int tries = 0;

	/*
	 * Nothing between the calls: a report is a console write, a trip.
	 * A host interrupt between them is a trip too (exits_irq shows it):
	 * then measure again.
	 */
	do {
		ra = hcall1(LHCALL_READ_COUNTERS, __pa(&a));
		rb = hcall1(LHCALL_READ_COUNTERS, __pa(&b));
		hcall0(LHCALL_NOP);
		rc = hcall1(LHCALL_READ_COUNTERS, __pa(&c));
	} while (c.exits_irq != a.exits_irq && ++tries < 100);
	report(c.exits_irq == a.exits_irq, "no_interrupt_between",
	       "a host interrupt came between the reads %d times", tries);

	report(!ra && !rb && !rc, "reads_return_0", "%d %d %d", (int)ra,
	       (int)rb, (int)rc);
	report(a.world_switches > 0, "counted_before", "world_switches %u",
	       (u32)a.world_switches);
	report_eq("back_to_back_switches", (u32)(b.world_switches - a.world_switches), 2);
	report_eq("back_to_back_reads",
		  (u32)(b.exits_hcall[LHCALL_READ_COUNTERS] -
			a.exits_hcall[LHCALL_READ_COUNTERS]), 1);
	report_eq("nop_between_switches", (u32)(c.world_switches - b.world_switches), 4);
	report_eq("nop_between_nops",
		  (u32)(c.exits_hcall[LHCALL_NOP] - b.exits_hcall[LHCALL_NOP]), 1);
	return report_summary();
}
