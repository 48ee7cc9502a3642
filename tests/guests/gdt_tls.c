// SPDX-License-Identifier: GPL-2.0
/*
 * Segments the guest loads itself: a data descriptor in a free GDT slot and
 * three in the TLS slots, each with a non-zero base, read through %fs and
 * %gs.  The GDT one is given DPL 0, which the host must raise to 1 or
 * loading it at ring 1 would fault; reloading the slot with another base
 * must take effect.  The TLS ones have DPL 3, and one of them is used from
 * ring 3, as a thread pointer is.
 */
#include "desc.h"
#include "hcall.h"
#include "page_alloc.h"
#include "pt.h"
#include "report.h"
#include "user.h"

#define FREE_SLOT	20

static u32 words[64] __aligned(16);

static void load_fs(u16 sel)
{
	asm volatile("movw %0, %%fs" : : "rm"(sel) : "memory");
}

static void load_gs(u16 sel)
{
	asm volatile("movw %0, %%gs" : : "rm"(sel) : "memory");
}

static u32 read_fs(u32 off)
{
	u32 v;

	asm volatile("movl %%fs:(%1), %0" : "=r"(v) : "r"(off) : "memory");
	return v;
}

static u32 read_gs(u32 off)
{
	u32 v;

	asm volatile("movl %%gs:(%1), %0" : "=r"(v) : "r"(off) : "memory");
	return v;
}

static void write_fs(u32 off, u32 v)
{
	asm volatile("movl %0, %%fs:(%1)" : : "r"(v), "r"(off) : "memory");
}

static void load_gdt_entry(const char *name, unsigned int index,
			   struct desc d)
{
	long ret = hcall3(LHCALL_LOAD_GDT_ENTRY, index, d.lo, d.hi);

	report(ret >= 0, name, "returned %d", (int)ret);
}

static void check_gdt(void)
{
	u16 sel = gdt_selector(FREE_SLOT, 1);

	load_gdt_entry("load_gdt_dpl0", FREE_SLOT,
		       desc_data((u32)&words[8], 63, 0));
	load_fs(sel);
	report_eq("gdt_fs_read_base", read_fs(0), words[8]);
	report_eq("gdt_fs_read_offset", read_fs(12), words[11]);
	write_fs(4, 0xabad1dea);
	report_eq("gdt_fs_write", READ_ONCE(words[9]), 0xabad1dea);

	load_gdt_entry("load_gdt_again", FREE_SLOT,
		       desc_data((u32)&words[16], 63, 1));
	load_fs(sel);
	report_eq("gdt_fs_new_base", read_fs(0), words[16]);
	load_fs(0);
}

/*
 * Slots 6 and 7 cover kernel words and are read at ring 1; slot 8 covers a
 * user page and is read from ring 3 only, so neither side touches memory
 * it may not (a host with SMAP forbids ring 1 reading user pages).
 */
static void check_tls(void)
{
	struct desc tls[LGUEST_GDT_TLS_ENTRIES];
	u32 pa = page_alloc(), *user_words = __va(pa);
	unsigned int i;
	long ret;

	user_words[2] = 0x7157a9e;
	pt_set(USER_DATA_VA, pa | PTE_USER_RW);
	tls[0] = desc_data((u32)&words[32], 31, 3);
	tls[1] = desc_data((u32)&words[40], 31, 3);
	tls[2] = desc_data(USER_DATA_VA, PAGE_SIZE - 1, 3);
	ret = hcall1(LHCALL_LOAD_TLS, __pa(tls));
	report(ret >= 0, "load_tls_ok", "returned %d", (int)ret);
	for (i = 0; i < 2; i++) {
		char slot[2] = { (char)('0' + LGUEST_GDT_TLS_MIN + i), '\0' };

		load_gs(gdt_selector(LGUEST_GDT_TLS_MIN + i, 3));
		report_eq(report_name("tls_gs_read_slot", slot), read_gs(4),
			  words[32 + 8 * i + 1]);
	}
	load_gs(0);

	/* %gs survives the trip to ring 3: its DPL is 3. */
	load_gs(gdt_selector(LGUEST_GDT_TLS_MIN + 2, 3));
	report_eq("tls_user_vector", user_call(user_gs_load, 8, 0), VEC_SYSCALL);
	report_eq("tls_user_read_slot_8", user_exit_info.frame.eax, 0x7157a9e);
	load_gs(0);
}

int main(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		words[i] = 0x5e600000 + i;
	check_gdt();
	check_tls();
	return report_summary();
}
