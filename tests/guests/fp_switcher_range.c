// SPDX-License-Identifier: GPL-2.0
/*
 * M:012 case j: ring 3 touches the Switcher's range, the top
 * lguest_data.reserve_mem bytes the guest may not map.  To the guest
 * nothing is there: every access is a #PF with cr2 the address and the
 * error code of a not-present page (4 read, 6 write), although the host's
 * shadow does map the Switcher's own pages there (kernel-only, so the CPU
 * reports a protection fault).  The fastpath Switcher hands these to the
 * host (fallback PROTECTION for reads where its pages are, SWITCHER_RANGE
 * for writes there and for everything above them); the host test wants
 * both counts.  Addresses: the first byte
 * (Switcher text), this CPU's register page and read-only state page, a
 * page past them, the last word of the address space; and, as a control,
 * the page just below the range, which is the guest's and not mapped.
 *
 * Then the kernel stack at the very top of the guest's part: the frame of
 * a ring-3 fault lands in the last 24 bytes below the Switcher.
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "printf.h"
#include "pt.h"
#include "report.h"
#include "user.h"

/* Hit after the frame is written: the kernel must see it intact. */
static u32 stack_top;

static void check_fault(const char *what, u32 va, bool write)
{
	const struct trap_frame *f = &user_exit_info.frame;
	u32 vector = user_call(write ? user_store : user_load, va, 0xdead0000);

	report_eq(report_name(what, "vector"), vector, VEC_PF);
	report_eq(report_name(what, "cr2"), user_exit_info.cr2, va);
	report_eq(report_name(what, "error"), f->error,
		  PF_USER | (write ? PF_WRITE : 0));
	report_eq(report_name(what, "eip"), f->eip,
		  user_va(write ? user_store_insn : user_load_insn));
	report_eq(report_name(what, "cs"), f->cs, LGUEST_USER_CS);
	report_eq(report_name(what, "handler_if"), user_exit_info.irq_enabled,
		  0);
	report_eq(report_name(what, "frame_at_stack_top"),
		  user_exit_info.frame_addr +
			  (u32)offsetof(struct trap_frame, error),
		  stack_top - 24);
}

int main(void)
{
	u32 reserve = lguest_data.reserve_mem, sw = 0u - reserve, page;
	static const struct {
		const char *name;
		u32 offset;
	} spots[] = {
		{ "start", 0 },
		{ "text_end", 2 * PAGE_SIZE - 4 },
		{ "regs_page", 2 * PAGE_SIZE + 0x800 },
		{ "state_page", 3 * PAGE_SIZE + 0x40 },
		{ "past_pages", 16 * PAGE_SIZE },
	};
	char name[40];
	unsigned int i;

	if (!reserve || reserve & ~PAGE_MASK)
		report_abort("lguest_data.reserve_mem is 0x%x", reserve);
	report_info("the Switcher's range starts at 0x%x", sw);
	trap_set_handler(VEC_PF, user_exit);
	stack_top = trap_stack_top();

	for (i = 0; i < ARRAY_SIZE(spots); i++) {
		snprintf(name, sizeof(name), "%s_read", spots[i].name);
		check_fault(name, sw + spots[i].offset, false);
		snprintf(name, sizeof(name), "%s_write", spots[i].name);
		check_fault(name, sw + spots[i].offset, true);
	}
	check_fault("last_word_read", 0xfffffffcu, false);
	check_fault("last_word_write", 0xfffffffcu, true);
	/* Not the Switcher's: the guest's own, unmapped. */
	if (pt_get(sw - 4) & PTE_P)
		report_abort("0x%x is unexpectedly mapped", sw - 4);
	check_fault("below_read", sw - 4, false);
	check_fault("below_write", sw - 4, true);

	/* The guest's last page as the kernel stack: frame at sw - 24. */
	page = page_alloc();
	pt_set(sw - PAGE_SIZE, page | PTE_P | PTE_W | PTE_A | PTE_D);
	stack_top = sw;
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, stack_top);
	check_fault("top_stack_read", USER_DATA_VA + 0x44 * PAGE_SIZE, false);
	check_fault("top_stack_write", USER_DATA_VA + 0x44 * PAGE_SIZE, true);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top());
	report_eq("top_stack_frame_in_memory",
		  ((u32 *)__va(page))[(PAGE_SIZE - 24) / 4],
		  PF_USER | PF_WRITE);
	return report_summary();
}
