// SPDX-License-Identifier: GPL-2.0
/*
 * From entry.S to main(): register lguest_data, install the trap vectors and
 * the kernel stack, find free memory, run the test, shut down with its
 * status.
 */
#include "hcall.h"
#include "idt.h"
#include "page_alloc.h"
#include "report.h"

/* Page aligned so that the host can map it as one page. */
struct lguest_data lguest_data __aligned(PAGE_SIZE);
const struct lguest_boot_info *boot_info;
/*
 * Our boot page tables' linear map stays, so the fastpath may use it.  Weak:
 * a guest that must not promise it (or that passes a bad flag on purpose)
 * defines its own.
 */
u32 guest_init_flags __attribute__((weak)) = LGUEST_INIT_LINEAR_MAP;

extern const char trap_iret[];

void guest_start(u32 magic, u32 boot_info_pa) __noreturn;

void guest_shutdown(int status)
{
	const char *why = status ? "tests failed" : "tests passed";

	hcall2(LHCALL_SHUTDOWN, __pa(why), (u32)status);
	/* The host does not come back from a shutdown; never run on if it does. */
	for (;;)
		hcall0(LHCALL_HALT);
}

void guest_start(u32 magic, u32 boot_info_pa)
{
	unsigned int i;

	/* .bss made every slot READY: the host must not run 64 zero calls. */
	for (i = 0; i < LHCALL_RING_SIZE; i++)
		lguest_data.hcall_status[i] = LHCALL_STATUS_FREE;
	lguest_data.noirq_iret = (u32)trap_iret;
	hcall2(LHCALL_GUEST_INIT, __pa(&lguest_data), guest_init_flags);

	if (magic != LGUEST_BOOT_MAGIC)
		report_abort("boot magic 0x%x in %%eax, want 0x%x", magic,
			     LGUEST_BOOT_MAGIC);
	boot_info = __va(boot_info_pa);
	if (boot_info->magic != LGUEST_BOOT_MAGIC)
		report_abort("boot info at 0x%x has magic 0x%x", boot_info_pa,
			     boot_info->magic);

	idt_init();
	page_alloc_init();
	guest_shutdown(main());
}
