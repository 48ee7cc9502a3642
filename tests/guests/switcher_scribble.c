// SPDX-License-Identifier: GPL-2.0
/*
 * The guest kernel against the Switcher's slot.
 *
 * Ring 1 is a supervisor to the paging hardware, so whatever the shadow
 * maps of the slot we can read, and what it maps writable we can write.
 * The host's design (module/lg.h) is that this is exactly: the Switcher's
 * text, this CPU's guest state page (our GDT, IDT and TSS), both
 * read-only, and our own register page, read-write; the host's state page
 * is not there at all, and the Switcher's own notes live in debug
 * registers, which ring 1 cannot touch.  We check all of that, then
 * scribble ones over our register page before each of a run of user
 * faults (with "scribble=0" on the command line we do not, so a test can
 * compare): once that forged an NMI note on every exit and the fastpath's
 * count of reflections.  Nothing may change: not the host's behaviour,
 * not a counter.
 */
#include "cmdline.h"
#include "idt.h"
#include "probe.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define SLOT_PAGES	1024
#define TEXT_PAGES	2	/* module/lg.h: SWITCHER_TEXT_PAGES */
#define CPU_PAGES	3	/* module/lg.h: SWITCHER_CPU_PAGES */
#define USER_FAULTS	64
#define FAULT_VA	(USER_DATA_VA + 32 * PAGE_SIZE)

extern const char dr_read_insn[], dr_failed[];
int dr_read(void);

asm(".text\n"
    "dr_read:\n"
    "dr_read_insn:\n"
    "	movl %dr0, %eax\n"
    "	ret\n"
    "dr_failed:\n"
    "	movl $-1, %eax\n"
    "	ret\n");

static u32 gp_seen;

static void gp_handler(struct trap_frame *f)
{
	if (f->eip != (u32)dr_read_insn)
		report_abort("#GP(0x%x) at 0x%x", f->error, f->eip);
	gp_seen++;
	f->eip = (u32)dr_failed;
}

static void scribble(u32 *page)
{
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		WRITE_ONCE(page[i], 1);
}

int main(void)
{
	u32 sw = 0u - lguest_data.reserve_mem, v;
	unsigned int i, readable = 0, writable = 0, regs = 0, dark_text = 0;
	bool readable_after_regs = false, forge = cmdline_uint("scribble", 1);

	for (i = 0; i < SLOT_PAGES; i++) {
		u32 va = sw + i * PAGE_SIZE;

		if (probe_read(va, &v))
			continue;
		readable++;
		if (i == regs + 1 && writable)
			readable_after_regs = true;
		if (probe_write(va, v))
			continue;
		writable++;
		regs = i;
	}
	for (i = 0; i < TEXT_PAGES; i++)
		if (probe_read(sw + i * PAGE_SIZE, &v))
			dark_text++;
	report_eq("readable_pages", readable, TEXT_PAGES + 2);
	report_eq("writable_pages", writable, 1);
	report_eq("unreadable_text_pages", dark_text, 0);
	report(regs >= TEXT_PAGES && (regs - TEXT_PAGES) % CPU_PAGES == 0 &&
	       readable_after_regs, "regs_then_guest_state",
	       "the writable page is page %u of the slot", regs);

	trap_set_handler(VEC_GP, gp_handler);
	report(dr_read() == -1 && gp_seen == 1, "debug_registers_out_of_reach",
	       "mov %%dr0 at ring 1 did not fault");

	trap_set_handler(VEC_PF, user_exit);
	pt_entry(FAULT_VA, true);
	for (i = 0; i < USER_FAULTS; i++) {
		if (forge && writable)
			scribble((u32 *)(sw + regs * PAGE_SIZE));
		if (user_call(user_store, FAULT_VA + (i % 16) * PAGE_SIZE, i) !=
		    VEC_PF)
			report_abort("user fault %u was no page fault", i);
	}
	report_eq("user_faults_seen", i, USER_FAULTS);
	report_info("scribbled: %s", forge ? "yes" : "no");
	return report_summary();
}
