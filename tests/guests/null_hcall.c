// SPDX-License-Identifier: GPL-2.0
/*
 * The null hypercall: LHCALL_NOP returns 0, every time, and the host hands
 * back every register but %eax as it found it.
 */
#include "hcall.h"
#include "report.h"
#include "tsc.h"

#define LOOPS 1000

static void check_registers_kept(void)
{
	u32 b = 0x11111111, c = 0x22222222, d = 0x33333333;
	u32 s = 0x44444444, di = 0x55555555;
	long ret;

	asm volatile("int $0x1f"
		     : "=a"(ret), "+b"(b), "+c"(c), "+d"(d), "+S"(s), "+D"(di)
		     : "a"(LHCALL_NOP)
		     : "memory");
	report(ret == 0 && b == 0x11111111 && c == 0x22222222 &&
	       d == 0x33333333 && s == 0x44444444 && di == 0x55555555,
	       "nop_keeps_registers",
	       "eax %d ebx %x ecx %x edx %x esi %x edi %x", (int)ret, b, c, d,
	       s, di);
}

int main(void)
{
	unsigned int i, bad = 0;
	long ret = 0;
	u64 t0, t1;

	report_eq("nop_returns_0", (u32)hcall0(LHCALL_NOP), 0);

	t0 = rdtsc();
	for (i = 0; i < LOOPS; i++) {
		long r = hcall0(LHCALL_NOP);

		if (r) {
			bad++;
			ret = r;
		}
	}
	t1 = rdtsc();
	report(!bad, "nop_loop_returns_0", "%u of %u calls returned non-zero, e.g. %d",
	       bad, LOOPS, (int)ret);
	if (lguest_data.tsc_khz)
		report_info("%u null hypercalls: %u ns each", LOOPS,
			    (u32)div64_u32(cycles_to_ns(t1 - t0, lguest_data.tsc_khz),
					   LOOPS, NULL));

	check_registers_kept();
	/* Arguments are ignored, not fatal. */
	report_eq("nop_ignores_arguments",
		  (u32)hcall(LHCALL_NOP, 0xdead, 0xbeef, 0xf00d, 0xcafe), 0);
	report(lguest_data.tsc_khz != 0, "guest_init_filled_tsc_khz",
	       "tsc_khz is 0");
	return report_summary();
}
