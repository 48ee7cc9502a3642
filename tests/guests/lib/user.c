// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3.  The code and stack pages are written through the kernel mapping
 * and mapped at USER_CODE_VA for ring 3 only: the kernel never touches a
 * user mapping, so a host running with SMAP cannot trip it.
 */
#include "desc.h"
#include "irq.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "str.h"
#include "user.h"

extern const char user_code_start[], user_code_end[];
/* In user_entry.S. */
void user_leave(u32 ret) __noreturn;

struct user_exit_info user_exit_info;

static void user_init(void)
{
	static bool ready;
	u32 code, size = user_code_end - user_code_start;

	if (ready)
		return;
	if (size > PAGE_SIZE)
		report_abort("user snippets take %u bytes, more than a page", size);
	code = page_alloc();
	memcpy(__va(code), user_code_start, size);
	pt_set(USER_CODE_VA, code | PTE_P | PTE_U | PTE_A);
	pt_set(USER_STACK_VA, page_alloc() | PTE_USER_RW);
	trap_set_handler(VEC_SYSCALL, user_exit);
	idt_set_gate(VEC_SYSCALL, GATE_INTERRUPT, 3);
	ready = true;
}

u32 user_va(const char *snippet)
{
	return USER_CODE_VA + (u32)(snippet - user_code_start);
}

u32 user_run(const struct user_regs *regs)
{
	user_init();
	irq_enable();
	return user_enter(regs);
}

u32 user_call(const char *snippet, u32 ebx, u32 ecx)
{
	struct user_regs r = {
		.ebx = ebx,
		.ecx = ecx,
		.eip = user_va(snippet),
		.esp = USER_STACK_TOP,
	};

	return user_run(&r);
}

void user_exit(struct trap_frame *f)
{
	user_exit_info.cr2 = READ_ONCE(lguest_data.cr2);
	user_exit_info.irq_enabled = irq_flags();
	user_exit_info.frame = *f;
	user_exit_info.frame_addr = (u32)f;
	/* The handler never returns: undo what its entry did. */
	trap_abandon();
	irq_disable();
	user_leave(f->vector);
}

void user_touch_pages(u32 va, u32 pages)
{
	u32 vector = user_call(user_touch, va, pages);

	if (vector != VEC_SYSCALL)
		report_abort("user run ended by trap %u", vector);
}
