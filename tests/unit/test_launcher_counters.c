// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/counters.c: the LGUEST-COUNTERS line, exactly, and
 * the hypercall names it uses.
 */
#include <stdio.h>
#include <string.h>

#include "counters.h"
#include "check.h"

#define BASE_ZERO "LGUEST-COUNTERS world_switches=0 exits_irq=0 exits_other=0 async_hcalls=0 faults_fixed=0 faults_reflected=0 traps_delivered=0 irqs_delivered=0 fastpath_reflected=0"

static void expect(const struct lguest_counters *c, const char *want,
		   const char *what)
{
	char line[COUNTERS_LINE_MAX];
	int n = counters_format(c, line, sizeof(line));

	check(n == (int)strlen(want), "%s: length %d, want %zu", what, n,
	      strlen(want));
	check(!strcmp(line, want), "%s:\n  got  '%s'\n  want '%s'", what, line,
	      want);
}

static void test_lines(void)
{
	struct lguest_counters c;

	memset(&c, 0, sizeof(c));
	expect(&c, BASE_ZERO, "all zero");

	c.world_switches = 123456;
	c.exits_irq = 1;
	c.exits_other = 2;
	c.async_hcalls = 3;
	c.faults_fixed = 4;
	c.faults_reflected = 5;
	c.traps_delivered = 6;
	c.irqs_delivered = 7;
	c.fastpath_reflected = 8;
	c.exits_trap[0] = 9;
	c.exits_trap[14] = 10;
	c.exits_trap[31] = 11;
	c.exits_hcall[LHCALL_NOP] = 12;
	c.exits_hcall[LHCALL_CONSOLE_WRITE] = 13;
	c.exits_hcall[LHCALL_SET_PTE] = 14;
	c.exits_hcall[LHCALL_NOTIFY] = 15;
	c.fastpath_fallback[0] = 16;
	c.fastpath_fallback[LGUEST_FASTPATH_REASONS - 1] = 17;
	c.exitless_fills = 18;
	c.exitless_set_ptes = 19;
	expect(&c, "LGUEST-COUNTERS world_switches=123456 exits_irq=1 exits_other=2 async_hcalls=3 faults_fixed=4 faults_reflected=5 traps_delivered=6 irqs_delivered=7 fastpath_reflected=8 trap0=9 trap14=10 trap31=11 hcall_nop=12 hcall_console_write=13 hcall_set_pte=14 hcall_notify=15 fastpath_fallback0=16 fastpath_fallback8=17 exitless_fills=18 exitless_set_ptes=19",
	       "every kind of field");

	memset(&c, 0, sizeof(c));
	c.exits_hcall[LHCALL_LOAD_GDT_ENTRY] = 18446744073709551615ULL;
	expect(&c, BASE_ZERO " hcall_load_gdt_entry=18446744073709551615",
	       "largest value");
}

static void test_sizes(void)
{
	struct lguest_counters c;
	char line[COUNTERS_LINE_MAX], small[64];
	int n;

	/* The longest line there can be must fit COUNTERS_LINE_MAX. */
	memset(&c, 0xff, sizeof(c));
	n = counters_format(&c, line, sizeof(line));
	check(n > 0 && n == (int)strlen(line),
	      "every field at its maximum: length %d", n);
	check(strchr(line, '\n') == NULL, "one line, no newline");
	check(strstr(line, " hcall_send_interrupts=") != NULL &&
	      strstr(line, " fastpath_fallback7=") != NULL &&
	      strstr(line, " trap31=") != NULL, "all fields present");

	memset(small, 'x', sizeof(small));
	n = counters_format(&c, small, sizeof(small));
	check(n == -1, "too small a buffer: %d", n);
	check(small[0] == '\0', "too small a buffer: left empty");

	memset(&c, 0, sizeof(c));
	n = counters_format(&c, line, strlen(BASE_ZERO));
	check(n == -1, "no room for the NUL: %d", n);
	n = counters_format(&c, line, strlen(BASE_ZERO) + 1);
	check(n == (int)strlen(BASE_ZERO), "exactly enough room: %d", n);
}

static void test_names(void)
{
	unsigned int nr;

	for (nr = 0; nr < LHCALL_NR; nr++) {
		const char *name = hcall_name(nr);

		check(name && name[0] &&
		      strspn(name, "abcdefghijklmnopqrstuvwxyz_") ==
		      strlen(name), "hypercall %u has a lower-case name", nr);
	}
	check(hcall_name(LHCALL_NR) == NULL, "no name past LHCALL_NR");
	check(!strcmp(hcall_name(LHCALL_SET_PTE), "set_pte"), "set_pte");
	check(!strcmp(hcall_name(LHCALL_NOP), "nop"), "nop");
	check(!strcmp(hcall_name(LHCALL_CONSOLE_WRITE), "console_write"),
	      "console_write");
	check(!strcmp(hcall_name(LHCALL_SEND_INTERRUPTS), "send_interrupts"),
	      "send_interrupts");
	check(!strcmp(hcall_name(LHCALL_NEW_PGTABLE), "new_pgtable"),
	      "new_pgtable");
}

int main(void)
{
	test_lines();
	test_sizes();
	test_names();
	return check_summary("launcher_counters");
}
