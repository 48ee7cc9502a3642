// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>

#include "counters.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const hcall_names[] = {
	[LHCALL_NOP]		= "nop",
	[LHCALL_FLUSH_ASYNC]	= "flush_async",
	[LHCALL_GUEST_INIT]	= "guest_init",
	[LHCALL_SHUTDOWN]	= "shutdown",
	[LHCALL_CONSOLE_WRITE]	= "console_write",
	[LHCALL_NEW_PGTABLE]	= "new_pgtable",
	[LHCALL_FLUSH_TLB]	= "flush_tlb",
	[LHCALL_SET_PTE]	= "set_pte",
	[LHCALL_SET_PGD]	= "set_pgd",
	[LHCALL_LOAD_GDT_ENTRY]	= "load_gdt_entry",
	[LHCALL_LOAD_TLS]	= "load_tls",
	[LHCALL_LOAD_IDT_ENTRY]	= "load_idt_entry",
	[LHCALL_SET_STACK]	= "set_stack",
	[LHCALL_SET_CLOCKEVENT]	= "set_clockevent",
	[LHCALL_HALT]		= "halt",
	[LHCALL_SEND_INTERRUPTS] = "send_interrupts",
	[LHCALL_NOTIFY]		= "notify",
	[LHCALL_READ_COUNTERS]	= "read_counters",
};
/* A hypercall added to the ABI must get its name here too. */
_Static_assert(ARRAY_SIZE(hcall_names) == LHCALL_NR,
	       "hcall_names does not cover enum lguest_hcall");

const char *hcall_name(unsigned int nr)
{
	return nr < ARRAY_SIZE(hcall_names) ? hcall_names[nr] : NULL;
}

/* A growing line: @pos counts what was wanted, so overflow shows at the end. */
struct line {
	char *buf;
	size_t len, pos;
};

static void add(struct line *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add(struct line *l, const char *fmt, ...)
{
	size_t room = l->pos < l->len ? l->len - l->pos : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(l->buf + (room ? l->pos : 0), room, fmt, ap);
	va_end(ap);
	if (n > 0)
		l->pos += n;
}

int counters_format(const struct lguest_counters *c, char *buf, size_t len)
{
	struct line l = { .buf = buf, .len = len };
	unsigned int i;

	if (len)
		buf[0] = '\0';
	add(&l, "LGUEST-COUNTERS world_switches=%llu exits_irq=%llu exits_other=%llu async_hcalls=%llu faults_fixed=%llu faults_reflected=%llu traps_delivered=%llu irqs_delivered=%llu fastpath_reflected=%llu",
	    (unsigned long long)c->world_switches,
	    (unsigned long long)c->exits_irq,
	    (unsigned long long)c->exits_other,
	    (unsigned long long)c->async_hcalls,
	    (unsigned long long)c->faults_fixed,
	    (unsigned long long)c->faults_reflected,
	    (unsigned long long)c->traps_delivered,
	    (unsigned long long)c->irqs_delivered,
	    (unsigned long long)c->fastpath_reflected);
	for (i = 0; i < ARRAY_SIZE(c->exits_trap); i++)
		if (c->exits_trap[i])
			add(&l, " trap%u=%llu", i,
			    (unsigned long long)c->exits_trap[i]);
	for (i = 0; i < ARRAY_SIZE(c->exits_hcall); i++)
		if (c->exits_hcall[i])
			add(&l, " hcall_%s=%llu", hcall_name(i),
			    (unsigned long long)c->exits_hcall[i]);
	for (i = 0; i < ARRAY_SIZE(c->fastpath_fallback); i++)
		if (c->fastpath_fallback[i])
			add(&l, " fastpath_fallback%u=%llu", i,
			    (unsigned long long)c->fastpath_fallback[i]);
	if (c->exitless_fills)
		add(&l, " exitless_fills=%llu",
		    (unsigned long long)c->exitless_fills);
	if (c->exitless_set_ptes)
		add(&l, " exitless_set_ptes=%llu",
		    (unsigned long long)c->exitless_set_ptes);
	if (l.pos >= len) {
		if (len)
			buf[0] = '\0';
		return -1;
	}
	return l.pos;
}
