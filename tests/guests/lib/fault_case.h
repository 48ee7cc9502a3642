/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page faults the way a guest sees them: provoke one (from ring 3 with
 * user_enter(), or from ring 1 with a probe) and check the #PF the host or
 * the M:012 Switcher delivered against what the CPU would have given.  The
 * fault guests (user_fault_notpresent, kernel_fault, fp_*) differ in where
 * they fault and what they set up before; the checks are the same, and
 * live here so that every guest asks exactly the same questions.
 */
#ifndef GUEST_FAULT_CASE_H
#define GUEST_FAULT_CASE_H

#include "guest.h"
#include "user.h"

/* What a #PF reflected from ring 3 must look like in user_exit_info. */
struct user_fault_want {
	u32 cr2, error, eip;
	u32 eflags;		/* pushed: user space's virtual IF, bit 1 */
	u32 handler_if;		/* the virtual IF inside the handler */
	u32 stack_top;		/* the LHCALL_SET_STACK stack in force */
};

/*
 * Checks the last user run, entered from r, against want: vector, cr2,
 * error, eip, cs, ss, esp, eflags, handler_if, frame_at_stack_top and
 * registers, each as "<what>_<check>".
 */
void fault_check_user(const char *what, u32 vector, const struct user_regs *r,
		      const struct user_fault_want *want);

/*
 * Runs a user_code.S snippet with va (and a junk second argument) and
 * checks that it took a #PF at va with want_error, at insn, from the
 * user's cs; each check is "<what>_<check>".  user_exit() must be the
 * #PF handler.
 */
void fault_check_snippet(const char *what, const char *snippet,
			 const char *insn, u32 va, u32 want_error);

/* One way for ring 3 to fault on a not-present page. */
struct fault_case {
	const char *name;
	bool write;		/* store instead of load */
	bool user_if;		/* user space runs with the virtual IF on */
	bool trap_gate;		/* vector 14 registered as a trap gate */
};

/* Read and write, virtual IF on and off, interrupt and trap gate. */
extern const struct fault_case fault_cases[8];
#define FAULT_READ	(&fault_cases[0])
#define FAULT_WRITE	(&fault_cases[1])

/*
 * Runs c's access at the not-present va from ring 3 (user_exit() must be
 * the #PF handler) and checks the fault, the data segments too.
 */
void fault_check_case(const char *what, const struct fault_case *c, u32 va);
/*
 * Every fault_cases[] entry, repeats times, at va + 4 * n, the checks named
 * "<prefix><case name><n>_<check>".
 */
void fault_check_cases(const char *prefix, u32 va, unsigned int repeats);

/*
 * Ring 3 stores value at the unmapped fix_va; a #PF handler maps the page
 * and returns, and the store must complete, with the handler run once.
 * Checks fixed_user_resumed, fixed_handler_ran_once, fixed_store_landed,
 * fixed_store_value.  Leaves user_exit() as the #PF handler.
 */
void fault_check_fix_and_continue(u32 fix_va, u32 value);

/*
 * Accesses that must not fault at all, for guests that install
 * fault_unexpected() as their #PF handler: it counts the fault and ends the
 * user run.  fault_check_no_fault_load() has ring 3 load the word at va + 16,
 * which must be want; fault_check_no_fault_store() has it store value there,
 * which must land in kva[4].  Each checks that the run ended in its system
 * call with no #PF ever delivered, "<what>_no_guest_fault", and the word,
 * "<what>_value".
 */
void fault_unexpected(struct trap_frame *f);
void fault_check_no_fault_load(const char *what, u32 va, u32 want);
void fault_check_no_fault_store(const char *what, u32 va, u32 *kva, u32 value);

/*
 * A ring-1 probe (ret is probe_read()'s or probe_write()'s) must have
 * faulted at va with want_error, the frame on the current stack with no
 * stack switch, kernel cs, the virtual IF shown on and cleared by the gate.
 * fault_kernel_ok() answers in one bool; fault_check_kernel() reports each
 * check as "<what>_<check>".
 */
bool fault_kernel_ok(int ret, u32 va, u32 want_error);
void fault_check_kernel(const char *what, int ret, u32 va, u32 want_error);

/* The pages the Switcher's walk reads or writes to reflect a ring-3 #PF. */
enum walked_page { WALK_PAGE_DIRECTORY, WALK_PAGE_TABLE, WALK_SHARED_PAGE,
		   WALK_KERNEL_STACK };

/*
 * The M:012 "recursive" cases (fp_recursive_*): ring 3 faults right after
 * LHCALL_FLUSH_TLB(1) with every page the walk needs back in the shadow
 * but missing, so that the fastpath walk itself faults and the host must
 * reflect the original fault; each time a control run with nothing missing
 * follows.  Returns report_summary().
 */
int fault_recursive_main(enum walked_page missing);

#endif
