// SPDX-License-Identifier: GPL-2.0
/*
 * The async ring runs before a synchronous hypercall: a PTE queued in the
 * ring and then set again by a synchronous LHCALL_SET_PTE ends as the
 * synchronous one says.  The exitless build's Switcher answers SET_PTE
 * without the host, so it must leave the call to the host whenever the
 * ring holds anything; if it answered first, the ring's older PTE would
 * land on top at the next exit, and ring 3 would read the wrong page.
 *
 * Each round queues the entry for frame A, then sets frame B at once, then
 * makes one more exit (LHCALL_NOP: the ring runs there, if it still holds
 * A), and reads the page from ring 3: it must see B's word, every time.
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define VA	(USER_DATA_VA + 2 * PT_SPAN)
#define ROUNDS	64

int main(void)
{
	u32 a = page_alloc(), b = page_alloc(), vector;
	unsigned int i, wrong = 0, bad_vector = 0;

	trap_set_handler(VEC_PF, user_exit);
	*(u32 *)__va(a) = 0xaaaa0000;
	*(u32 *)__va(b) = 0xbbbb0000;
	/* The shadow's table for VA, so that SET_PTE has something to fill. */
	pt_set(VA, b | PTE_USER_RW);
	user_call(user_load, VA, 0);

	for (i = 0; i < ROUNDS; i++) {
		pt_set_async(VA, a | PTE_USER_RW);
		pt_set(VA, b | PTE_USER_RW);
		hcall0(LHCALL_NOP);
		vector = user_call(user_load, VA, 0);
		if (vector != VEC_SYSCALL)
			bad_vector++;
		else if (user_exit_info.frame.eax != 0xbbbb0000 && !wrong++)
			report_info("round %u: read 0x%x, want 0xbbbb0000", i,
				    user_exit_info.frame.eax);
	}
	report_eq("all_ended_in_syscall", bad_vector, 0);
	report_eq("reads_saw_the_synchronous_pte", wrong, 0);
	return report_summary();
}
