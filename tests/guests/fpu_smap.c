// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's FPU, and the host's SMAP.
 *
 * The guest's x87 and SSE registers are the launcher task's own: under
 * Linux 6.1's eager FPU the host must have them loaded whenever the guest
 * runs, across exits to the host, trips back to the launcher (console
 * output) and sleeps in LHCALL_HALT, when other host tasks may run.  We
 * load known values, do all of that many times, and read them back.
 *
 * The guest kernel runs at ring 1, a supervisor to the CPU: with the host's
 * SMAP in force it could not touch its own user pages (Linux guests, told
 * no SMAP, do that without stac).  The host turns SMAP off while the guest
 * runs; a kernel access to a user page must simply work.
 */
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "probe.h"
#include "pt.h"
#include "report.h"

#define USER_VA		0x31000000u
#define ROUNDS		40
#define DELAY_NS	200000u		/* 0.2 ms */
#define PI_DOUBLE_LO	0x54442d18u	/* pi as an IEEE double */
#define PI_DOUBLE_HI	0x400921fbu

static const u32 pattern[4] __aligned(16) = {
	0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210
};
static volatile unsigned int ticks;

static void timer_interrupt(struct trap_frame *f)
{
	(void)f;
	ticks++;
}

/* xmm0 and xmm7 get the pattern; the x87 stack gets 1, then pi on top. */
static void load_fpu(void)
{
	asm volatile("movups %0, %%xmm0\n\t"
		     "movups %0, %%xmm7\n\t"
		     "fninit\n\t"
		     "fld1\n\t"
		     "fldpi"
		     : : "m"(pattern) : "memory");
}

static void check_fpu(void)
{
	u32 xmm0[4] __aligned(16), xmm7[4] __aligned(16), pi[2], one[2];
	unsigned int i, bad0 = 0, bad7 = 0;

	asm volatile("movups %%xmm0, %0\n\t"
		     "movups %%xmm7, %1\n\t"
		     "fstpl %2\n\t"
		     "fstpl %3"
		     : "=m"(xmm0), "=m"(xmm7), "=m"(pi), "=m"(one) : : "memory");
	for (i = 0; i < 4; i++) {
		bad0 += xmm0[i] != pattern[i];
		bad7 += xmm7[i] != pattern[i];
	}
	report(!bad0, "xmm0_kept", "%u words changed, word 0 is 0x%x", bad0,
	       xmm0[0]);
	report(!bad7, "xmm7_kept", "%u words changed, word 0 is 0x%x", bad7,
	       xmm7[0]);
	report_eq("x87_pi_kept_lo", pi[0], PI_DOUBLE_LO);
	report_eq("x87_pi_kept_hi", pi[1], PI_DOUBLE_HI);
	report_eq("x87_one_kept_hi", one[1], 0x3ff00000u);
}

/* Exits of every kind: hypercalls, console (the launcher runs), halts. */
static void shake(void)
{
	unsigned int i;

	trap_set_handler(VEC_TIMER, timer_interrupt);
	for (i = 0; i < ROUNDS; i++) {
		hcall0(LHCALL_NOP);
		report_info("round %u", i);
		hcall1(LHCALL_SET_CLOCKEVENT, DELAY_NS);
		/* The tick is tested with interrupts off (lib/irq.h). */
		while (ticks <= i) {
			safe_halt();
			irq_disable();
		}
	}
	report(ticks >= ROUNDS, "halted_and_woke", "%u of %u timer ticks",
	       ticks, ROUNDS);
}

static void check_smap(void)
{
	u32 pa = page_alloc(), val = 0;

	pt_set(USER_VA, pa | PTE_USER_RW);
	report(probe_write(USER_VA, 0x5a5a5a5a) == 0, "kernel_writes_user_page",
	       "the guest kernel's write to a user page faulted (SMAP?)");
	report(probe_read(USER_VA, &val) == 0 && val == 0x5a5a5a5a,
	       "kernel_reads_user_page",
	       "the guest kernel's read of a user page: fault or 0x%x", val);
}

int main(void)
{
	check_smap();
	load_fpu();
	shake();
	check_fpu();
	return report_summary();
}
