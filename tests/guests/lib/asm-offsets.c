// SPDX-License-Identifier: GPL-2.0
/*
 * Constants for the assembly files.  lguest.h holds C declarations and its
 * hypercall numbers are an enum, so assembly cannot include it; instead this
 * file is compiled to assembly and every "->NAME value" line it leaves there
 * becomes "#define NAME value" in asm-offsets.h (see the Makefile).
 */
#include "guest.h"
#include "user.h"

#define DEFINE(name, value) \
	asm volatile("\n->" #name " %c0" : : "i"(value))
#define OFFSET(name, type, member) DEFINE(name, offsetof(type, member))

void asm_offsets(void);

void asm_offsets(void)
{
	DEFINE(LGUEST_KERNEL_CS, LGUEST_KERNEL_CS);
	DEFINE(LGUEST_KERNEL_DS, LGUEST_KERNEL_DS);
	DEFINE(LGUEST_USER_CS, LGUEST_USER_CS);
	DEFINE(LGUEST_USER_DS, LGUEST_USER_DS);
	DEFINE(LGUEST_TRAP_ENTRY, LGUEST_TRAP_ENTRY);
	DEFINE(LHCALL_HALT, LHCALL_HALT);
	DEFINE(X86_EFLAGS_IF, X86_EFLAGS_IF);
	OFFSET(LGUEST_DATA_irq_enabled, struct lguest_data, irq_enabled);
	OFFSET(USER_REGS_eax, struct user_regs, eax);
	OFFSET(USER_REGS_ebx, struct user_regs, ebx);
	OFFSET(USER_REGS_ecx, struct user_regs, ecx);
	OFFSET(USER_REGS_edx, struct user_regs, edx);
	OFFSET(USER_REGS_esi, struct user_regs, esi);
	OFFSET(USER_REGS_edi, struct user_regs, edi);
	OFFSET(USER_REGS_ebp, struct user_regs, ebp);
	OFFSET(USER_REGS_eip, struct user_regs, eip);
	OFFSET(USER_REGS_esp, struct user_regs, esp);
}
