// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/boot.c: the layout at the top of guest memory, the
 * boot page tables (walked as the CPU would) and the boot-info page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boot.h"
#include "errmsg.h"
#include "check.h"

#define MIB		(1u << 20)
#define DIRT		0xAA
#define PDE_USER	0x4u

static unsigned char *mem;

static uint32_t word(uint32_t gpa)
{
	uint32_t v;

	memcpy(&v, mem + gpa, sizeof(v));
	return v;
}

/*
 * Translates @va through the page directory at @pgdir like a non-PAE CPU;
 * returns the PTE that maps it, or 0 when a level is not present.
 */
static uint32_t walk(uint32_t pgdir, uint32_t va)
{
	uint32_t pde = word(pgdir + (va >> 22) * 4);

	if (!(pde & 1))
		return 0;
	return word((pde & ~0xfffu) + ((va >> 12) & 0x3ff) * 4);
}

static void check_maps(const struct boot_layout *l, uint32_t gpa)
{
	uint32_t low = walk(l->pgdir, gpa);
	uint32_t high = walk(l->pgdir, LGUEST_PAGE_OFFSET + gpa);
	uint32_t want = (gpa & ~0xfffu) | BOOT_PTE_FLAGS;

	check(low == want, "virtual 0x%x maps to pte 0x%x, want 0x%x", gpa,
	      low, want);
	check(high == want, "virtual 0x%x maps to pte 0x%x, want 0x%x",
	      LGUEST_PAGE_OFFSET + gpa, high, want);
}

static void plan(uint32_t mem_size, uint32_t initrd_size, const char *cmdline,
		 struct boot_layout *l, const char *what)
{
	char err[ERR_MAX] = "";
	int ret = boot_plan(mem_size, initrd_size, cmdline, l, err);

	check(ret == 0, "%s: planned (ret %d, '%s')", what, ret, err);
}

static void reject(uint32_t mem_size, uint32_t initrd_size,
		   const char *cmdline, const char *needle, const char *what)
{
	struct boot_layout l;
	char err[ERR_MAX] = "";
	int ret = boot_plan(mem_size, initrd_size, cmdline, &l, err);

	check(ret == -1, "%s: rejected (ret %d)", what, ret);
	check_contains(err, needle, what);
}

static void test_plan(void)
{
	struct boot_layout l;
	char *longest;

	plan(64 * MIB, 0, NULL, &l, "64 MiB");
	check(l.mem_size == 64 * MIB, "64 MiB: mem_size");
	check(l.pgdir == 64 * MIB - 0x1000, "64 MiB: pgdir in the last page (0x%x)",
	      l.pgdir);
	check(l.nr_ptes == 16, "64 MiB: 16 page tables (%u)", l.nr_ptes);
	check(l.ptes == l.pgdir - 16 * 0x1000, "64 MiB: page tables below pgdir (0x%x)",
	      l.ptes);
	check(l.boot_info == l.ptes - 0x1000, "64 MiB: boot info below them (0x%x)",
	      l.boot_info);
	check(l.kernel_limit == l.boot_info, "64 MiB: kernel below boot info");
	check(l.cmdline == 0 && l.cmdline_len == 0, "64 MiB: no command line");
	check(l.initrd == 0 && l.initrd_size == 0, "64 MiB: no initrd");

	plan(4 * MIB, 0, NULL, &l, "4 MiB");
	check(l.pgdir == 0x3ff000 && l.ptes == 0x3fe000 &&
	      l.boot_info == 0x3fd000 && l.nr_ptes == 1,
	      "4 MiB: pgdir 0x%x ptes 0x%x boot info 0x%x", l.pgdir, l.ptes,
	      l.boot_info);

	plan(512 * MIB, 0, NULL, &l, "512 MiB");
	check(l.nr_ptes == 128 && l.ptes == 512 * MIB - 129 * 0x1000,
	      "512 MiB: 128 page tables at 0x%x", l.ptes);

	plan(64 * MIB, 0, "console=hvc0", &l, "command line");
	check(l.cmdline == l.boot_info + sizeof(struct lguest_boot_info),
	      "command line follows the boot info (0x%x)", l.cmdline);
	check(l.cmdline_len == 12, "command line length %u", l.cmdline_len);
	plan(64 * MIB, 0, "", &l, "empty command line");
	check(l.cmdline != 0 && l.cmdline_len == 0,
	      "an empty command line is still recorded");

	plan(64 * MIB, 10000, NULL, &l, "initrd");
	check(l.initrd % 0x1000 == 0, "initrd page aligned (0x%x)", l.initrd);
	check(l.initrd + 10000 <= l.boot_info &&
	      l.initrd + 10000 > l.boot_info - 0x1000,
	      "initrd right below the boot info (0x%x)", l.initrd);
	check(l.initrd_size == 10000, "initrd size");
	check(l.kernel_limit == l.initrd, "kernel below the initrd");

	plan(4 * MIB, 0x3fc000, NULL, &l, "largest initrd");
	check(l.initrd == 0x1000, "largest initrd starts at page 1 (0x%x)",
	      l.initrd);
	reject(4 * MIB, 0x3fc001, NULL, "initrd", "initrd one byte too large");
	reject(4 * MIB, 0xffffffff, NULL, "initrd", "huge initrd");

	longest = malloc(BOOT_CMDLINE_MAX + 2);
	if (longest) {
		memset(longest, 'x', BOOT_CMDLINE_MAX + 1);
		longest[BOOT_CMDLINE_MAX + 1] = '\0';
		reject(64 * MIB, 0, longest, "command line",
		       "command line one byte too long");
		longest[BOOT_CMDLINE_MAX] = '\0';
		plan(64 * MIB, 0, longest, &l, "longest command line");
		free(longest);
	}

	reject(0, 0, NULL, "guest memory", "no memory");
	reject(6 * MIB, 0, NULL, "guest memory", "6 MiB");
	reject(516 * MIB, 0, NULL, "guest memory", "516 MiB");
}

static void test_pagetables(uint32_t mem_size)
{
	struct boot_layout l;
	char what[32];
	uint32_t i, gpa, pde, bad = 0;

	snprintf(what, sizeof(what), "%u MiB", mem_size >> 20);
	plan(mem_size, 0, NULL, &l, what);
	memset(mem, DIRT, mem_size);
	boot_build_pagetables(mem, &l);

	for (i = 0; i < 1024; i++) {
		pde = word(l.pgdir + i * 4);
		if (i < l.nr_ptes)
			check(pde == ((l.ptes + i * 0x1000) | BOOT_PDE_FLAGS),
			      "%s: pde %u is 0x%x", what, i, pde);
		else if (i >= 768 && i < 768 + l.nr_ptes)
			check(pde == word(l.pgdir + (i - 768) * 4),
			      "%s: pde %u (0x%x) shares pde %u's page table",
			      what, i, pde, i - 768);
		else
			check(pde == 0, "%s: pde %u not present (0x%x)", what,
			      i, pde);
		if (pde & PDE_USER)
			bad++;
	}

	/* Every page, through both windows; no user bit anywhere. */
	for (gpa = 0; gpa < mem_size; gpa += 0x1000) {
		uint32_t want = gpa | BOOT_PTE_FLAGS;

		if (walk(l.pgdir, gpa) != want ||
		    walk(l.pgdir, LGUEST_PAGE_OFFSET + gpa) != want)
			bad++;
	}
	check(bad == 0, "%s: %u pages mapped wrongly", what, bad);

	check_maps(&l, 0);
	check_maps(&l, 0x100000);
	check_maps(&l, 0x3ff000);
	if (mem_size > 4 * MIB)
		check_maps(&l, 0x400000);	/* the second page table */
	check_maps(&l, mem_size - 0x1000);
	check_maps(&l, l.pgdir);
	check_maps(&l, l.ptes);
	check_maps(&l, l.boot_info);
	check(word(l.ptes) == BOOT_PTE_FLAGS, "%s: pte for gpa 0 is 0x63", what);
	check(word(l.pgdir - 4) == ((mem_size - 0x1000) | BOOT_PTE_FLAGS),
	      "%s: last pte maps the last page", what);
	check(walk(l.pgdir, mem_size) == 0 &&
	      walk(l.pgdir, LGUEST_PAGE_OFFSET + mem_size) == 0,
	      "%s: nothing mapped past guest memory", what);
	check(walk(l.pgdir, LGUEST_PAGE_OFFSET - 0x1000) == 0,
	      "%s: nothing mapped just below PAGE_OFFSET", what);
	check(mem[l.boot_info] == DIRT && mem[l.boot_info + 0xfff] == DIRT,
	      "%s: page tables stay out of the boot-info page", what);
}

static void test_boot_info(void)
{
	static const char cmdline[] = "console=hvc0 init=/init";
	const uint32_t mem_size = 8 * MIB;
	struct lguest_boot_info bi;
	struct boot_layout l;
	unsigned char initrd[5000];
	uint32_t i, bad = 0;

	for (i = 0; i < sizeof(initrd); i++)
		initrd[i] = i * 7;
	plan(mem_size, sizeof(initrd), cmdline, &l, "boot info");
	memset(mem, DIRT, mem_size);
	boot_write_info(mem, &l, cmdline, initrd);

	memcpy(&bi, mem + l.boot_info, sizeof(bi));
	check(bi.magic == LGUEST_BOOT_MAGIC, "magic 0x%x", bi.magic);
	check(bi.mem_size == mem_size, "mem_size 0x%x", bi.mem_size);
	check(bi.pgdir == mem_size - 0x1000, "pgdir 0x%x", bi.pgdir);
	check(bi.cmdline == l.boot_info + sizeof(bi), "cmdline 0x%x",
	      bi.cmdline);
	check(bi.cmdline_len == strlen(cmdline), "cmdline_len %u",
	      bi.cmdline_len);
	check(bi.initrd == l.initrd && bi.initrd != 0, "initrd 0x%x",
	      bi.initrd);
	check(bi.initrd_size == sizeof(initrd), "initrd_size %u",
	      bi.initrd_size);
	for (i = 0; i < sizeof(bi.reserved) / sizeof(bi.reserved[0]); i++)
		check(bi.reserved[i] == 0, "reserved[%u] is 0x%x", i,
		      bi.reserved[i]);
	check(!memcmp(mem + bi.cmdline, cmdline, sizeof(cmdline)),
	      "command line copied with its NUL");
	for (i = bi.cmdline + sizeof(cmdline); i < l.boot_info + 0x1000; i++)
		if (mem[i])
			bad++;
	check(bad == 0, "rest of the boot-info page zeroed (%u bytes not)",
	      bad);
	check(!memcmp(mem + bi.initrd, initrd, sizeof(initrd)),
	      "initrd copied");
	check(mem[bi.initrd - 1] == DIRT &&
	      mem[bi.initrd + sizeof(initrd)] == DIRT,
	      "nothing written around the initrd");

	plan(mem_size, 0, NULL, &l, "bare boot info");
	memset(mem, DIRT, mem_size);
	boot_write_info(mem, &l, NULL, NULL);
	memcpy(&bi, mem + l.boot_info, sizeof(bi));
	check(bi.magic == LGUEST_BOOT_MAGIC && bi.cmdline == 0 &&
	      bi.cmdline_len == 0 && bi.initrd == 0 && bi.initrd_size == 0,
	      "no command line, no initrd: zeros");
	check(mem[l.boot_info - 1] == DIRT, "nothing below the boot-info page");
}

int main(void)
{
	mem = malloc(64 * MIB);
	if (!mem) {
		printf("FAIL: cannot allocate guest memory\n");
		return 1;
	}
	test_plan();
	test_pagetables(4 * MIB);
	test_pagetables(12 * MIB);
	test_pagetables(64 * MIB);
	test_boot_info();
	free(mem);
	return check_summary("launcher_boot");
}
