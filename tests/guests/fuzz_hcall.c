// SPDX-License-Identifier: GPL-2.0
/*
 * A seeded hypercall fuzzer.  Tens of thousands of random hypercalls, most
 * with random or boundary arguments, synchronous and through the async
 * ring, and after each kind a check that the host did what the ABI says:
 *
 *  - NOP, FLUSH_ASYNC, SEND_INTERRUPTS with junk arguments, and NOTIFY
 *    with junk, the edges of memory or bench windows with random fields
 *    (which the launcher must refuse or record as it promises): %eax 0,
 *    every other register kept;
 *  - page tables: random PDEs and PTEs (present or junk, random flags and
 *    frames anywhere in memory) in a region of three page directories,
 *    told by SET_PTE / SET_PGD, sync or queued, or by FLUSH_TLB, or not at
 *    all where the ABI allows; NEW_PGTABLE between them; then a ring-1
 *    read (and, on our own frames, write) of the page must see exactly
 *    what our tables say: the word, or a #PF with the right error and cr2,
 *    and the accessed and dirty bits set;
 *  - the same calls aimed at any page of memory, as page directory, queued
 *    between NEW_PGTABLE(random page) and NEW_PGTABLE(back) so the guest
 *    never runs on them; SET_PTE at random addresses up to the Switcher;
 *  - GDT and TLS entries with random bits, host-owned slots included: lar
 *    and lsl must show the descriptor as the host promises (DPL 0 raised
 *    to 1, accessed set, system descriptors refused, its own slots
 *    ignored), and a %fs that used the slot is nulled exactly when the new
 *    descriptor no longer works; far calls into random code segments, the
 *    hypercall inside them coming back or the CPU faulting as it should;
 *  - IDT gates with random bits on vectors 3, 4 and 0x80: "int" from ring
 *    1 reaches the gate exactly when the host accepted it with DPL >= 1,
 *    else #GP with the vector in the error code; "int n" on every other
 *    vector is a #GP; random gates on vectors we never take;
 *  - SET_STACK with random esp, restored; SET_CLOCKEVENT with random ns,
 *    and a halt that a short timer must end with a tick;
 *  - CONSOLE_WRITE of random lengths (0 to LGUEST_DATA_MAX) from random
 *    places, zero-length ones anywhere in memory up to its last byte;
 *  - GUEST_INIT again, with either flag, or on another page whose async
 *    ring holds random status bytes: the host must run exactly the READY
 *    run at its position there, fill reserve_mem and tsc_khz, and carry on
 *    with ours;
 *  - async batches of random calls, committed as one (head slot last),
 *    with junk status bytes beyond them that the host must not touch.
 * Now and then ring 3 runs (int $0x80 and a not-present fault) to show the
 * guest's world still works.  Everything ends in SUMMARY; the host must
 * never kill this guest.
 *
 * Command line: seed=N (default 20261201), ops=N (default 12000) and
 * fatal=K: after the ops, make fatal call K (1..FATAL_CASES), which the
 * host must answer by killing the guest with the reason printed as
 * "# expect kill: <text>" (tests/vm/test_fuzz.sh checks it).
 */
#include "cmdline.h"
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "printf.h"
#include "probe.h"
#include "pt.h"
#include "rand.h"
#include "report.h"
#include "str.h"
#include "user.h"

#define DEFAULT_SEED	20261201u
#define DEFAULT_OPS	12000u

#define FUZZ_VA		0x50000000u	/* the checked region: SLOTS tables */
#define SLOTS		2
#define PAGES		8
#define FRAMES		8		/* our own frames, safe to write */
#define PGDIRS		3
#define JUNK_VA		0x60000000u	/* SET_PTE here is never checked */
#define FAULT_VA	0x70000000u	/* never mapped: ring 3 faults here */
#define SHOW		5		/* mismatches printed per check */

static struct rand_state rs;

static u32 rnd(void)
{
	return rand_next(&rs);
}

static bool chance(u32 pct)
{
	return rand_chance(&rs, pct);
}

static u32 below(u32 n)
{
	return rand_below(&rs, n);
}

static u32 mem_size, switcher;
static unsigned int n_sync, n_async;

/* A random page-aligned guest-physical address, the last page included. */
static u32 random_page(void)
{
	return below(mem_size / PAGE_SIZE) * PAGE_SIZE;
}

/* Every synchronous call goes through here, to be counted. */
static long fhcall(u32 nr, u32 a1, u32 a2, u32 a3, u32 a4)
{
	n_sync++;
	return hcall(nr, a1, a2, a3, a4);
}

/* ---- mismatches: counted per check, the first few printed ---- */

enum check {
	C_REGS, C_PROBE_READ, C_PROBE_WRITE, C_ACCESSED, C_LAR, C_LSL,
	C_FS, C_FAR, C_IDT, C_INT, C_RING, C_JUNK, C_INIT, C_TIMER,
	C_USER, C_CONSOLE, C_COUNTERS, C_NCHECKS
};

static const char *const check_names[C_NCHECKS] = {
	"hcall_regs_kept", "pte_read", "pte_write", "pte_accessed_dirty",
	"gdt_lar", "gdt_lsl", "gdt_fs_nulled", "far_call", "idt_gate",
	"int_gp", "ring_consumed", "ring_junk_untouched", "init_again",
	"timer_halt", "user_world", "console_write", "counters_grow",
};

static unsigned int bad[C_NCHECKS], runs[C_NCHECKS];

static bool expect(enum check c, bool ok, const char *fmt, ...) __printf(3, 4);
static bool expect(enum check c, bool ok, const char *fmt, ...)
{
	char line[200];
	va_list ap;

	runs[c]++;
	if (ok)
		return true;
	if (bad[c]++ < SHOW) {
		va_start(ap, fmt);
		vsnprintf(line, sizeof(line), fmt, ap);
		va_end(ap);
		report_info("%s mismatch: %s", check_names[c], line);
	}
	return false;
}

/* ---- the async ring, ours alone: we track the host's position ---- */

static unsigned int ring_next;	/* the slot the host will look at next */

struct call {
	u32 nr, a1, a2, a3, a4;
};

#define MAX_BATCH	48

static u8 *ring_status(unsigned int i)
{
	return &lguest_data.hcall_status[i % LHCALL_RING_SIZE];
}

/*
 * Queue n calls as one unit: arguments first, then the status bytes from
 * the last to the head, so that an exit in between (a host interrupt can
 * come at any instruction) finds the head not ready and runs none of them.
 */
static void ring_commit(const struct call *c, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct lguest_hcall_args *a =
			&lguest_data.hcalls[(ring_next + i) % LHCALL_RING_SIZE];

		if (READ_ONCE(*ring_status(ring_next + i)) != LHCALL_STATUS_FREE)
			report_abort("async slot %u busy before a batch",
				     (ring_next + i) % LHCALL_RING_SIZE);
		a->nr = c[i].nr;
		a->arg1 = c[i].a1;
		a->arg2 = c[i].a2;
		a->arg3 = c[i].a3;
		a->arg4 = c[i].a4;
	}
	barrier();
	for (i = n; i-- > 0;)
		WRITE_ONCE(*ring_status(ring_next + i), LHCALL_STATUS_READY);
	n_async += n;
}

/*
 * Flush until the batch is consumed: a queued console write or notify
 * stops the host's lap to go to the launcher, so it may take one flush
 * more per such call.  Then the host's position is past the batch.
 */
static void ring_flush(unsigned int n, unsigned int consoles)
{
	unsigned int i, tries, left = n;

	for (tries = 0; tries <= consoles + 1 && left; tries++) {
		fhcall(LHCALL_FLUSH_ASYNC, rnd(), rnd(), rnd(), rnd());
		for (left = 0, i = 0; i < n; i++)
			left += READ_ONCE(*ring_status(ring_next + i)) !=
				LHCALL_STATUS_FREE;
	}
	expect(C_RING, !left, "%u of %u queued calls left after %u flushes",
	       left, n, tries);
	if (left)
		report_abort("the async ring is stuck");
	ring_next = (ring_next + n) % LHCALL_RING_SIZE;
}

/* ---- page tables: ours, in three page directories ---- */

static u32 pgdirs[PGDIRS];		/* guest-physical */
static unsigned int cur;
static u32 tables[PGDIRS][SLOTS];	/* guest-physical */
static u32 frames[FRAMES];		/* guest-physical */

static u32 *pde_ptr(unsigned int d, unsigned int slot)
{
	return (u32 *)__va(pgdirs[d]) + (FUZZ_VA >> PDE_SHIFT) + slot;
}

static u32 *pte_ptr(unsigned int d, unsigned int slot, unsigned int page)
{
	return (u32 *)__va(tables[d][slot]) + page;
}

static u32 fuzz_va(unsigned int slot, unsigned int page)
{
	return FUZZ_VA + slot * PT_SPAN + page * PAGE_SIZE;
}

static void pt_setup(void)
{
	unsigned int d, s, i;

	pgdirs[0] = pt_pgdir();
	for (d = 1; d < PGDIRS; d++) {
		pgdirs[d] = page_alloc();
		memcpy(__va(pgdirs[d]), __va(pgdirs[0]), PAGE_SIZE);
	}
	for (d = 0; d < PGDIRS; d++)
		for (s = 0; s < SLOTS; s++) {
			tables[d][s] = page_alloc();
			pt_switch(pgdirs[d]);
			pt_set_pde((FUZZ_VA >> PDE_SHIFT) + s,
				   tables[d][s] | PDE_TABLE);
		}
	pt_switch(pgdirs[0]);
	for (i = 0; i < FRAMES; i++) {
		u32 *w;
		unsigned int k;

		frames[i] = page_alloc();
		w = __va(frames[i]);
		for (k = 0; k < PAGE_SIZE / 4; k++)
			w[k] = (i << 24) | k;
	}
}

static bool is_our_frame(u32 pa)
{
	unsigned int i;

	for (i = 0; i < FRAMES; i++)
		if (frames[i] == pa)
			return true;
	return false;
}

static void switch_pgdir(unsigned int d)
{
	cur = d;
	pt_switch(pgdirs[d]);
}

static u32 random_pde(unsigned int d, unsigned int slot)
{
	if (chance(25))
		return chance(30) ? 0 : rnd() & ~(u32)PTE_P;
	/* Never PSE: the host kills for a large page, rightly. */
	return tables[d][slot] | PTE_P |
	       (rnd() & (PTE_W | PTE_U | PTE_A | 0xf58u));
}

static u32 random_pte(void)
{
	u32 frame = chance(70) ? frames[below(FRAMES)] : random_page();

	if (chance(25))
		return chance(30) ? 0 : rnd() & ~(u32)PTE_P;
	return frame | PTE_P |
	       (rnd() & (PTE_W | PTE_U | PTE_A | PTE_D | 0xf18u));
}

/* The ways to tell the host of a change; LAZY only from not present. */
enum tell { TELL_SYNC, TELL_ASYNC, TELL_FLUSH, TELL_LAZY };

static enum tell pick_tell(bool was_present)
{
	u32 r = below(100);

	if (r < 40)
		return TELL_SYNC;
	if (r < 70)
		return TELL_ASYNC;
	if (r < 90 || was_present)
		return TELL_FLUSH;
	return TELL_LAZY;
}

static void tell(enum tell how, unsigned int d, const struct call *c)
{
	switch (how) {
	case TELL_SYNC:
		fhcall(c->nr, c->a1, c->a2, c->a3, 0);
		break;
	case TELL_ASYNC:
		ring_commit(c, 1);
		ring_flush(1, 0);
		break;
	case TELL_FLUSH:
		/* FLUSH_TLB(0) covers the loaded directory only. */
		fhcall(LHCALL_FLUSH_TLB, d != cur || chance(30), 0, 0, 0);
		break;
	case TELL_LAZY:
		break;
	}
}

/* Probe one page of the region in the loaded directory against our tables. */
static void probe_page(unsigned int slot, unsigned int page)
{
	u32 va = fuzz_va(slot, page) + below(PAGE_SIZE / 4) * 4;
	u32 *pde = pde_ptr(cur, slot), *pte = pte_ptr(cur, slot, page);
	bool present = (*pde & PTE_P) && (*pte & PTE_P);
	bool writable = present && (*pde & *pte & PTE_W);
	u32 pa = (*pte & PAGE_MASK) + (va & ~PAGE_MASK), got = 0;
	int ret = probe_read(va, &got);

	if (!present)
		expect(C_PROBE_READ, ret < 0 && probe_last.vector == VEC_PF &&
		       probe_last.error == 0 && probe_last.cr2 == va,
		       "read %x: ret %d vector %u error %x cr2 %x, want #PF 0",
		       va, ret, probe_last.vector, probe_last.error,
		       probe_last.cr2);
	else if (expect(C_PROBE_READ, ret == 0 && got == *(u32 *)__va(pa),
			"read %x (pde %x pte %x): ret %d got %x want %x", va,
			*pde, *pte, ret, got, *(u32 *)__va(pa)))
		expect(C_ACCESSED, *pte & PTE_A, "pte %x for %x: no A", *pte,
		       va);
	if (!is_our_frame(*pte & PAGE_MASK) || !chance(50))
		return;
	got = rnd();
	ret = probe_write(va, got);
	if (!writable) {
		expect(C_PROBE_WRITE, ret < 0 && probe_last.vector == VEC_PF &&
		       probe_last.error == (present ? PF_PRESENT | PF_WRITE :
					     PF_WRITE) && probe_last.cr2 == va,
		       "write %x (pde %x pte %x): ret %d error %x cr2 %x", va,
		       *pde, *pte, ret, probe_last.error, probe_last.cr2);
	} else if (expect(C_PROBE_WRITE, ret == 0 && *(u32 *)__va(pa) == got,
			  "write %x (pde %x pte %x): ret %d, word %x want %x",
			  va, *pde, *pte, ret, *(u32 *)__va(pa), got)) {
		expect(C_ACCESSED, (*pte & (PTE_A | PTE_D)) == (PTE_A | PTE_D),
		       "pte %x for %x after a write: no A/D", *pte, va);
	}
}

static void op_pagetable(void)
{
	unsigned int d = chance(70) ? cur : below(PGDIRS);
	unsigned int slot = below(SLOTS), page = below(PAGES);
	struct call c;

	if (chance(20)) {
		u32 *pde = pde_ptr(d, slot), old = *pde;

		WRITE_ONCE(*pde, random_pde(d, slot));
		c = (struct call){ LHCALL_SET_PGD, pgdirs[d],
				   (FUZZ_VA >> PDE_SHIFT) + slot, 0, 0 };
		tell(pick_tell(old & PTE_P), d, &c);
	} else {
		u32 *pte = pte_ptr(d, slot, page), old = *pte;

		WRITE_ONCE(*pte, random_pte());
		c = (struct call){ LHCALL_SET_PTE, pgdirs[d],
				   fuzz_va(slot, page), *pte, 0 };
		/* Only the table's own directory has it, so a lazy entry
		 * must be new to every directory: it is, tables are private. */
		tell(pick_tell(old & PTE_P), d, &c);
	}
	if (chance(15))
		switch_pgdir(below(PGDIRS));
	probe_page(slot, page);
}

/* A call on any page as page directory: never one the guest runs on. */
static struct call random_pt_call(u32 pgdir)
{
	u32 va;

	switch (below(4)) {
	case 0:
		/* Anywhere below the Switcher but where we check. */
		va = JUNK_VA + below(LGUEST_PAGE_OFFSET - JUNK_VA);
		if (chance(10))
			va = chance(50) ? 0 : switcher - 1 - below(PAGE_SIZE);
		else if (chance(30))
			/* Kernel space past memory: no table there. */
			va = LGUEST_PAGE_OFFSET + mem_size +
			     below(switcher - LGUEST_PAGE_OFFSET - mem_size);
		return (struct call){ LHCALL_SET_PTE, pgdir, va, rnd(), 0 };
	case 1:
		return (struct call){ LHCALL_SET_PGD, pgdir,
				      below(switcher >> PDE_SHIFT), 0, 0 };
	case 2:
		return (struct call){ LHCALL_FLUSH_TLB, chance(50) ? 0 : rnd(),
				      rnd(), 0, 0 };
	default:
		/* A kernel PTE re-told as it is: it must change nothing. */
		va = LGUEST_PAGE_OFFSET + random_page();
		return (struct call){ LHCALL_SET_PTE, pgdirs[below(PGDIRS)], va,
				      *pt_entry(va, false), 0 };
	}
}

static void op_foreign_pgdir(void)
{
	struct call c[MAX_BATCH];
	unsigned int i, n = 2 + below(10);
	u32 other = random_page();

	if (chance(50)) {
		fhcall(LHCALL_SET_PGD, other, below(switcher >> PDE_SHIFT), 0,
		       0);
		c[0] = random_pt_call(other);
		/* Not a PTE aimed at our region: those we check. */
		if (c[0].nr != LHCALL_SET_PTE || c[0].a2 >= JUNK_VA ||
		    c[0].a2 < FUZZ_VA)
			fhcall(c[0].nr, c[0].a1, c[0].a2, c[0].a3, 0);
		return;
	}
	/* Loaded, fiddled with and left, all in one exit. */
	c[0] = (struct call){ LHCALL_NEW_PGTABLE, other, 0, 0, 0 };
	for (i = 1; i < n - 1; i++)
		c[i] = random_pt_call(other);
	c[n - 1] = (struct call){ LHCALL_NEW_PGTABLE, pgdirs[cur], 0, 0, 0 };
	for (i = 1; i < n - 1; i++)
		if (c[i].nr == LHCALL_SET_PTE && c[i].a2 >= FUZZ_VA &&
		    c[i].a2 < JUNK_VA)
			c[i].a2 += JUNK_VA - FUZZ_VA;
	ring_commit(c, n);
	ring_flush(n, 0);
}

/* ---- segments ---- */

static struct desc make_desc(u32 base, u32 limit, u32 type, u32 s, u32 dpl,
			     u32 p, u32 db, u32 g)
{
	struct desc d = {
		.lo = (base << 16) | (limit & 0xffff),
		.hi = (base & 0xff000000) | ((base >> 16) & 0xff) |
		      (limit & 0xf0000) | (type << 8) | (s << 12) |
		      (dpl << 13) | (p << 15) | (db << 22) | (g << 23),
	};
	return d;
}

static struct desc random_desc(void)
{
	if (chance(20))
		return (struct desc){ rnd(), rnd() };
	return make_desc(rnd(), rnd() & 0xfffff, below(16), !chance(10),
			 below(4), !chance(10), !chance(10), chance(50));
}

/* What the host makes of a descriptor it is handed: segments.c's rules. */
static struct desc sanitized(struct desc d)
{
	if (!(d.hi & DESC_PRESENT) || !(d.hi & (1u << 12)))
		return (struct desc){ 0, 0 };
	if (!(d.hi & DESC_DPL(3)))
		d.hi |= DESC_DPL(1);
	d.hi |= 1u << 8;
	return d;
}

/* The host's own entries, as setup_guest_gdt() makes them. */
static struct desc host_entry(unsigned int i)
{
	switch (i) {
	case LGUEST_GDT_KERNEL_CS:
		return make_desc(0, 0xfffff, 0xb, 1, 1, 1, 1, 1);
	case LGUEST_GDT_KERNEL_DS:
		return make_desc(0, 0xfffff, 0x3, 1, 1, 1, 1, 1);
	case LGUEST_GDT_USER_CS:
		return make_desc(0, 0xfffff, 0xb, 1, 3, 1, 1, 1);
	case LGUEST_GDT_USER_DS:
		return make_desc(0, 0xfffff, 0x3, 1, 3, 1, 1, 1);
	default:	/* Switcher's, TSS: DPL 0, lar refuses them at ring 1 */
		return (struct desc){ 0, 0 };
	}
}

static bool host_owned(unsigned int i)
{
	return (i >= LGUEST_GDT_SWITCHER_CS && i <= LGUEST_GDT_TSS) ||
	       i == LGUEST_GDT_DOUBLEFAULT_TSS;
}

static bool lar(u32 sel, u32 *ar)
{
	u8 ok;

	*ar = 0;
	asm volatile("lar %2, %0; setz %1" : "+r"(*ar), "=q"(ok) : "r"(sel)
		     : "cc");
	return ok;
}

static bool lsl(u32 sel, u32 *limit)
{
	u8 ok;

	*limit = 0;
	asm volatile("lsl %2, %0; setz %1" : "+r"(*limit), "=q"(ok) : "r"(sel)
		     : "cc");
	return ok;
}

static u32 desc_limit(struct desc d)
{
	u32 raw = (d.lo & 0xffff) | (d.hi & 0xf0000);

	return d.hi & (1u << 23) ? (raw << 12) | 0xfff : raw;
}

/* Does the CPU show entry i as d (sanitized, or all zero)? */
static void check_entry(unsigned int i, struct desc d)
{
	u32 sel = gdt_selector(i, 1), ar, limit;
	bool want = i && (d.hi & DESC_PRESENT);
	bool got = lar(sel, &ar);

	if (!expect(C_LAR, got == want &&
		    (!want || (ar & 0x00f0ff00) == (d.hi & 0x00f0ff00)),
		    "entry %u: lar %d ar %x, want %d %x", i, got, ar, want,
		    d.hi & 0x00f0ff00))
		return;
	if (want) {
		got = lsl(sel, &limit);
		expect(C_LSL, got && limit == desc_limit(d),
		       "entry %u: lsl %d limit %x want %x", i, got, limit,
		       desc_limit(d));
	}
}

/* May %fs hold selector sel for d, by the host's rule (valid_guest_regs)? */
static bool fs_ok(struct desc d, u32 rpl)
{
	u32 type = (d.hi >> 8) & 0xf, dpl = (d.hi >> 13) & 3;

	return (d.hi & DESC_PRESENT) && (d.hi & (1u << 12)) &&
	       (!(type & 8) || (type & 2)) && dpl >= rpl;
}

static u32 read_fs(void)
{
	u32 v;

	asm volatile("movl %%fs, %0" : "=r"(v));
	return v & 0xffff;
}

static void load_fs(u32 sel)
{
	asm volatile("movl %0, %%fs" : : "r"(sel) : "memory");
}

static struct desc gdt_now[LGUEST_GDT_ENTRIES];	/* as we loaded them */

static unsigned int random_gdt_index(void)
{
	static const u8 tls_and_free[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 18,
					   19, 20, 21, 22, 23, 24, 25, 26, 27,
					   28, 29, 30 };

	if (chance(15))
		return below(LGUEST_GDT_ENTRIES);
	return tls_and_free[below(sizeof(tls_and_free))];
}

static void op_gdt(void)
{
	unsigned int i = random_gdt_index(), k;
	struct desc d = random_desc();
	u32 rpl = 1 + below(3), fs_sel = gdt_selector(i, rpl);
	bool used = i && !host_owned(i) && fs_ok(gdt_now[i], rpl) &&
		    chance(50);

	if (used)
		load_fs(fs_sel);
	if (chance(25) && i >= LGUEST_GDT_TLS_MIN &&
	    i < LGUEST_GDT_TLS_MIN + LGUEST_GDT_TLS_ENTRIES) {
		/* All three TLS slots from a random place that straddles. */
		static char tls[2 * PAGE_SIZE] __aligned(PAGE_SIZE);
		struct desc *src = (struct desc *)(tls + PAGE_SIZE - 24 +
						   below(7) * 4);

		for (k = 0; k < LGUEST_GDT_TLS_ENTRIES; k++)
			src[k] = random_desc();
		if (chance(50))
			fhcall(LHCALL_LOAD_TLS, __pa(src), 0, 0, 0);
		else {
			struct call c = { LHCALL_LOAD_TLS, __pa(src), 0, 0, 0 };

			ring_commit(&c, 1);
			ring_flush(1, 0);
		}
		for (k = 0; k < LGUEST_GDT_TLS_ENTRIES; k++)
			gdt_now[LGUEST_GDT_TLS_MIN + k] = sanitized(src[k]);
	} else if (chance(60)) {
		fhcall(LHCALL_LOAD_GDT_ENTRY, i, d.lo, d.hi, 0);
		if (!host_owned(i))
			gdt_now[i] = sanitized(d);
	} else {
		struct call c = { LHCALL_LOAD_GDT_ENTRY, i, d.lo, d.hi, 0 };

		ring_commit(&c, 1);
		ring_flush(1, 0);
		if (!host_owned(i))
			gdt_now[i] = sanitized(d);
	}
	check_entry(i, host_owned(i) ? host_entry(i) : gdt_now[i]);
	if (used) {
		u32 want = fs_ok(gdt_now[i], rpl) ? fs_sel : 0;

		expect(C_FS, read_fs() == want,
		       "entry %u now %x:%x: fs %x, want %x", i, gdt_now[i].hi,
		       gdt_now[i].lo, read_fs(), want);
	}
	if (chance(30))
		load_fs(0);
}

/*
 * Far calls.  fuzz_tramp runs in a code segment of ours: the hypercall in
 * %eax and back.  The CPU faults at the lcall if the segment does not
 * take it.  A limit that cuts the trampoline short is for the fatal cases:
 * the CPU would fault on the fetch, but QEMU's TCG checks no fetch limit
 * and runs the hypercall, whose return address the host must then refuse.
 */
asm(".text\n"
    ".p2align 6\n"
    ".globl fuzz_tramp\n"
    "fuzz_tramp:\n"
    "	int $0x1f\n"
    "	lret\n");
extern const char fuzz_tramp[], fuzz_lcall[], fuzz_lcall_end[];
#define TRAMP_LRET	2	/* offset of the lret */
/* Byte-granular limits reach 1 MiB: segments start below the trampoline. */
#define FAR_BASE	((u32)fuzz_tramp & ~0xfffffu)

static bool far_faulted;	/* the last far call's lcall did */

/* Not inlined nor cloned: its labels must exist once. */
static __attribute__((noinline, noclone)) long far_hcall(u32 sel, u32 base,
							 u32 nr, u32 a1,
							 u32 a2, u32 a3)
{
	struct {
		u32 off;
		u16 sel;
	} __attribute__((packed)) fp = { (u32)fuzz_tramp - base, (u16)sel };
	long ret;

	far_faulted = false;
	asm volatile(".globl fuzz_lcall\n"
		     "fuzz_lcall: lcall *%[fp]\n"
		     ".globl fuzz_lcall_end\n"
		     "fuzz_lcall_end:\n"
		     : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3), [fp] "m"(fp)
		     : "memory");
	return ret;
}

/* The #GP of a refused lcall: on past it. */
static bool far_fixup(struct trap_frame *f)
{
	if (f->eip != (u32)fuzz_lcall || f->cs != LGUEST_KERNEL_CS)
		return false;
	far_faulted = true;
	f->eip = (u32)fuzz_lcall_end;
	f->eax = (u32)-1;
	return true;
}

static void op_far_call(void)
{
	unsigned int i = 17 + below(14);
	u32 tramp = (u32)fuzz_tramp - FAR_BASE, dpl = below(3), limit;
	bool g = chance(20), p = !chance(10);
	u32 type = 0x8 | (rnd() & 3);	/* code, non-conforming, random R/A */
	struct desc d;
	long ret;
	bool want;

	/* Limits around the trampoline: before it, just past, far past. */
	if (g)
		limit = rnd() & 0xfffff;
	else if (chance(30))
		limit = tramp - 1 - below(16);
	else if (chance(50))
		limit = tramp + TRAMP_LRET + below(64);
	else
		limit = (rnd() & 0xfffff) | tramp;
	d = make_desc(FAR_BASE, limit & 0xfffff, type, 1, dpl, p, 1, g);
	if (desc_limit(d) >= tramp && desc_limit(d) < tramp + TRAMP_LRET)
		return;
	fhcall(LHCALL_LOAD_GDT_ENTRY, i, d.lo, d.hi, 0);
	gdt_now[i] = sanitized(d);
	want = !p || dpl > 1 || desc_limit(d) < tramp;
	n_sync++;
	ret = far_hcall(gdt_selector(i, 1), FAR_BASE, LHCALL_NOP, rnd(), rnd(),
			rnd());
	expect(C_FAR, far_faulted == want && (want || ret == 0),
	       "entry %u %x:%x (limit %x, tramp %x): fault %d ret %d, want %d",
	       i, d.hi, d.lo, desc_limit(d), tramp, far_faulted, (int)ret,
	       want);
}

/* ---- the IDT ---- */

/* "int n; ret" for every n, four bytes apart (gas would make $3 int3). */
asm(".text\n"
    ".p2align 4\n"
    ".globl fuzz_int_table\n"
    "fuzz_int_table:\n"
    "	.set v, 0\n"
    "	.rept 256\n"
    "	.byte 0xcd, v\n"
    "	ret\n"
    "	nop\n"
    "	.set v, v + 1\n"
    "	.endr\n");
extern const char fuzz_int_table[];

static u32 int_vector, int_error;	/* what the last "int" gave */
extern const char trap_stubs[];		/* lib/idt_stubs.S */

static bool int_fixup(struct trap_frame *f)
{
	u32 at = f->eip - (u32)fuzz_int_table;

	if (at >= 256 * 4 || (at & 3))
		return false;
	int_vector = f->vector;
	int_error = f->error;
	f->eip += 2;
	return true;
}

static void on_gp(struct trap_frame *f)
{
	if (!int_fixup(f) && !far_fixup(f))
		report_abort("unexpected #GP %x at %x:%x", f->error, f->cs,
			     f->eip);
}

static void on_int(struct trap_frame *f)
{
	int_vector = f->vector;
	int_error = 0;
}

/*
 * "int v" from ring 1, the virtual IF as it was.  The handler's return
 * restores the IF its frame shows, and a frame the CPU pushed itself (an
 * int $0x80 through a DPL-3 trap gate under lg.ko's direct_syscalls=1)
 * shows the CPU's, always on: not the virtual one the host would have put
 * there (docs/security.md).
 */
static void do_int(unsigned int v)
{
	u32 flags = irq_flags();

	int_vector = int_error = ~0u;
	((void (*)(void))(fuzz_int_table + 4 * v))();
	irq_restore(flags);
}

static void op_idt(void)
{
	static const u8 open_vectors[] = { 3, 4, VEC_SYSCALL };
	unsigned int v = open_vectors[below(3)];
	u32 type = chance(70) ? GATE_INTERRUPT + below(2) : below(16);
	u32 dpl = below(4), seg = LGUEST_KERNEL_CS & ~3u;
	bool p = !chance(10), valid;
	struct desc d;
	trap_handler_t old;

	if (chance(10))
		seg = rnd() & 0xffff;
	else
		seg |= below(4);
	d = desc_gate((u32)trap_stubs + v * 16, type, dpl);
	d.lo = (seg << 16) | (d.lo & 0xffff);
	if (!p)
		d.hi &= ~DESC_PRESENT;
	valid = p && (seg & ~3u) == (LGUEST_KERNEL_CS & ~3u) &&
		(type == GATE_INTERRUPT || type == GATE_TRAP);
	fhcall(LHCALL_LOAD_IDT_ENTRY, v, d.lo, d.hi, 0);
	old = trap_set_handler(v, on_int);
	do_int(v);
	trap_set_handler(v, old);
	if (valid && dpl >= 1)
		expect(C_IDT, int_vector == v, "gate %x:%x on %u: got vector %u",
		       d.hi, d.lo, v, int_vector);
	else
		expect(C_IDT, int_vector == VEC_GP && int_error == v * 8 + 2,
		       "gate %x:%x on %u: got vector %u error %x, want #GP",
		       d.hi, d.lo, v, int_vector, int_error);
	/* As the library had it. */
	idt_set_gate(v, GATE_INTERRUPT, v == VEC_SYSCALL ? 3 : 0);
	n_sync++;

	/* A vector we never take: anything goes, and stays. */
	v = 64 + below(192);
	if (v != VEC_SYSCALL) {
		d = random_desc();
		fhcall(LHCALL_LOAD_IDT_ENTRY, v, d.lo, d.hi, 0);
	}
	/* Any other "int n" from ring 1 is a #GP naming the vector. */
	do {
		v = below(256);
	} while (v == 3 || v == 4 || v == VEC_SYSCALL ||
		 v == LGUEST_TRAP_ENTRY);
	do_int(v);
	expect(C_INT, int_vector == VEC_GP && int_error == v * 8 + 2,
	       "int %u: vector %u error %x", v, int_vector, int_error);
}

/* ---- the rest of the calls ---- */

/*
 * A value for LHCALL_NOTIFY: junk, the edges of memory, or a bench window
 * of ours with random fields, its name "f" half the time, else 0 to 32
 * 'f's most often: the launcher must record only what its -w asks for
 * (tests/vm/jobs/fuzz.sh runs it with -w f:1:2), and now and then it does.
 */
static u32 notify_value(void)
{
	static struct lguest_bench_window w;
	u32 mem = boot_info->mem_size, n;

	switch (below(4)) {
	case 0:
		return rnd();
	case 1:
		return mem - below(2 * sizeof(w));
	default:
		n = chance(50) ? 1 : below(sizeof(w.benchmark) + 1);
		w.magic = chance(90) ? LGUEST_WINDOW_MAGIC : rnd();
		w.phase = below(3);
		w.rep = below(3);
		w.ops = below(3);
		memset(w.benchmark, chance(90) ? 'f' : (char)rnd(), n);
		if (n < sizeof(w.benchmark))
			w.benchmark[n] = '\0';
		return __pa(&w);
	}
}

static void op_nop(void)
{
	static const u32 nrs[] = { LHCALL_NOP, LHCALL_FLUSH_ASYNC,
				   LHCALL_SEND_INTERRUPTS, LHCALL_NOTIFY };
	u32 eax = nrs[below(4)], c = rnd(), d = rnd(), s = rnd(), di = rnd();
	u32 b = eax == LHCALL_NOTIFY ? notify_value() : rnd();
	const u32 b0 = b, c0 = c, d0 = d, s0 = s, di0 = di;

	n_sync++;
	asm volatile("int $0x1f"
		     : "+a"(eax), "+b"(b), "+c"(c), "+d"(d), "+S"(s), "+D"(di)
		     : : "memory");
	expect(C_REGS, eax == 0 && b == b0 && c == c0 && d == d0 && s == s0 &&
	       di == di0, "eax %x, ebx %x/%x ecx %x/%x edx %x/%x esi %x/%x edi %x/%x",
	       eax, b, b0, c, c0, d, d0, s, s0, di, di0);
}

/*
 * LHCALL_READ_COUNTERS into a buffer of ours, at a random place in it: each
 * read is an exit of its own, so the world switches only ever grow, by at
 * least the 2 of that exit, and everything around the copy stays as it was.
 */
static void op_counters(void)
{
	static struct {
		u32 before[16];
		struct lguest_counters c;
		u32 after[16];
	} buf;
	static u64 last;
	u32 i, junk = rnd();
	bool kept = true;

	for (i = 0; i < 16; i++)
		buf.before[i] = buf.after[i] = junk;
	fhcall(LHCALL_READ_COUNTERS, __pa(&buf.c), rnd(), rnd(), rnd());
	for (i = 0; i < 16; i++)
		kept &= buf.before[i] == junk && buf.after[i] == junk;
	expect(C_COUNTERS, kept && buf.c.world_switches >= last + 2,
	       "world switches %llu after %llu, guard words %s",
	       (unsigned long long)buf.c.world_switches,
	       (unsigned long long)last, kept ? "kept" : "overwritten");
	last = buf.c.world_switches;
}

static void op_stack(void)
{
	u32 esp = chance(20) ? (u32)-below(16) : rnd();
	struct call c[2] = {
		{ LHCALL_SET_STACK, LGUEST_KERNEL_DS, esp, 0, 0 },
		{ LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top(), 0, 0 },
	};

	/* Nothing comes from ring 3 until the real stack is back. */
	if (chance(50)) {
		fhcall(c[0].nr, c[0].a1, c[0].a2, 0, 0);
		fhcall(c[1].nr, c[1].a1, c[1].a2, 0, 0);
	} else {
		ring_commit(c, 2);
		ring_flush(2, 0);
	}
}

static unsigned int ticks;

static void on_tick(struct trap_frame *f)
{
	(void)f;
	ticks++;
}

static void op_timer(void)
{
	static const u32 edges[] = { 1, 2, 999, 0x7fffffff, 0xffffffff };
	unsigned int before = ticks;
	u32 ns;

	if (chance(70)) {
		/* Armed and left: it lands some time, while the IF is off. */
		ns = chance(30) ? edges[below(5)] : rnd() % 20000000;
		fhcall(LHCALL_SET_CLOCKEVENT, ns, rnd(), 0, 0);
		return;
	}
	/* A short timer must end a halt, with at least one tick. */
	ns = 1 + below(200000);
	fhcall(LHCALL_SET_CLOCKEVENT, ns, 0, 0, 0);
	n_sync++;
	safe_halt();
	irq_disable();
	expect(C_TIMER, ticks > before, "halt after SET_CLOCKEVENT(%u) ended with %u ticks",
	       ns, ticks - before);
}

static char text[3 * PAGE_SIZE] __aligned(PAGE_SIZE);

static void op_console(void)
{
	static const u32 lens[] = { 1, 2, PAGE_SIZE - 1, PAGE_SIZE,
				    LGUEST_DATA_MAX };
	u32 len, off, gpa;
	long ret;

	if (chance(40)) {
		/* Nothing, from anywhere, the last byte included. */
		gpa = chance(20) ? mem_size - 1 - below(4) : below(mem_size);
		ret = fhcall(LHCALL_CONSOLE_WRITE, gpa, 0, 0, 0);
	} else {
		len = chance(30) ? lens[below(5)] : below(LGUEST_DATA_MAX + 1);
		off = below(sizeof(text) - len + 1);
		ret = fhcall(LHCALL_CONSOLE_WRITE, __pa(text + off), len, 0, 0);
	}
	expect(C_CONSOLE, ret == 0, "returned %d", (int)ret);
}

static u32 boot_reserve, boot_tsc;

/*
 * The host's TSC rate is its current one: a host booted a second ago may
 * still refine its calibration ("tsc: Refined TSC clocksource
 * calibration"), so tsc_khz may move a little between two inits.
 */
static bool init_filled(const struct lguest_data *ld)
{
	u32 d = ld->tsc_khz > boot_tsc ? ld->tsc_khz - boot_tsc :
					 boot_tsc - ld->tsc_khz;

	return ld->reserve_mem == boot_reserve && ld->tsc_khz &&
	       d <= boot_tsc / 100;
}

/*
 * GUEST_INIT on a page whose ring holds random status bytes: the host must
 * run the READY calls from its position up to the first other byte, and no
 * more, then come back to ours on the second GUEST_INIT.
 */
static void op_init(void)
{
	u32 pa = page_alloc();
	struct lguest_data *ld = __va(pa);
	unsigned int i, run = 0;
	u8 st[LHCALL_RING_SIZE];

	if (chance(50)) {
		fhcall(LHCALL_GUEST_INIT, __pa(&lguest_data),
		       chance(50) ? LGUEST_INIT_LINEAR_MAP : 0, 0, 0);
		expect(C_INIT, init_filled(&lguest_data),
		       "reserve_mem %x tsc_khz %u after GUEST_INIT again",
		       lguest_data.reserve_mem, lguest_data.tsc_khz);
		page_free(pa);
		return;
	}
	for (i = 0; i < LHCALL_RING_SIZE; i++) {
		u32 r = below(4);

		st[i] = r == 0 ? LHCALL_STATUS_READY :
			r == 1 ? LHCALL_STATUS_FREE : (u8)rnd();
		ld->hcall_status[i] = st[i];
		ld->hcalls[i] = (struct lguest_hcall_args){
			chance(50) ? LHCALL_NOP : LHCALL_SEND_INTERRUPTS,
			rnd(), rnd(), rnd(), rnd() };
	}
	while (run < LHCALL_RING_SIZE &&
	       st[(ring_next + run) % LHCALL_RING_SIZE] == LHCALL_STATUS_READY)
		run++;
	fhcall(LHCALL_GUEST_INIT, pa, LGUEST_INIT_LINEAR_MAP, 0, 0);
	fhcall(LHCALL_GUEST_INIT, __pa(&lguest_data), LGUEST_INIT_LINEAR_MAP,
	       0, 0);
	n_async += run;
	for (i = 0; i < LHCALL_RING_SIZE; i++) {
		unsigned int k = (i + LHCALL_RING_SIZE - ring_next) %
				 LHCALL_RING_SIZE;
		u8 want = k < run ? LHCALL_STATUS_FREE : st[i];

		if (!expect(C_INIT, ld->hcall_status[i] == want,
			    "other page slot %u: status %x, want %x (run %u from %u)",
			    i, ld->hcall_status[i], want, run, ring_next))
			break;
	}
	expect(C_INIT, init_filled(ld), "other page: reserve_mem %x tsc_khz %u",
	       ld->reserve_mem, ld->tsc_khz);
	ring_next = (ring_next + run) % LHCALL_RING_SIZE;
	page_free(pa);
}

/* A batch of random harmless calls, junk status bytes beyond it. */
static void op_ring(void)
{
	struct call c[MAX_BATCH];
	unsigned int i, n = 1 + below(MAX_BATCH), consoles = 0;
	unsigned int junk = n + below(LHCALL_RING_SIZE - n);
	u8 junk_status = chance(30) ? LHCALL_STATUS_READY : 1 + below(0xfe);

	for (i = 0; i < n; i++) {
		switch (below(6)) {
		case 0:
			c[i] = (struct call){ LHCALL_FLUSH_TLB, rnd() & 1, rnd(),
					      rnd(), rnd() };
			break;
		case 1:
			c[i] = (struct call){ LHCALL_SET_CLOCKEVENT,
					      rnd() % 20000000, 0, 0, 0 };
			break;
		case 2:
			c[i] = random_pt_call(pgdirs[below(PGDIRS)]);
			if (c[i].nr == LHCALL_SET_PTE && c[i].a2 < JUNK_VA &&
			    c[i].a2 >= FUZZ_VA)
				c[i].a2 += JUNK_VA - FUZZ_VA;
			break;
		case 3:
			if (chance(10)) {
				consoles++;
				c[i] = (struct call){ LHCALL_CONSOLE_WRITE,
						      __pa(text), 0, 0, 0 };
				break;
			}
			if (chance(10)) {
				consoles++;	/* to the launcher just the same */
				c[i] = (struct call){ LHCALL_NOTIFY, notify_value(),
						      rnd(), rnd(), rnd() };
				break;
			}
			/* fall through */
		default:
			c[i] = (struct call){ LHCALL_NOP, rnd(), rnd(), rnd(),
					      rnd() };
			break;
		}
	}
	/*
	 * The junk slot: a byte that is neither READY nor FREE stops the host
	 * there; READY behind a FREE head (junk == n: right after the batch,
	 * whose slots the host frees) must wait for the head too.
	 */
	if (junk_status == LHCALL_STATUS_READY)
		junk = n + 1 + below(LHCALL_RING_SIZE - n - 1);
	lguest_data.hcalls[(ring_next + junk) % LHCALL_RING_SIZE] =
		(struct lguest_hcall_args){ LHCALL_NOP, 0, 0, 0, 0 };
	WRITE_ONCE(*ring_status(ring_next + junk), junk_status);
	ring_commit(c, n);
	ring_flush(n, consoles);
	expect(C_JUNK, READ_ONCE(*ring_status(ring_next + junk - n)) == junk_status,
	       "slot %u status %x, want %x", (ring_next + junk - n) % 64,
	       *ring_status(ring_next + junk - n), junk_status);
	WRITE_ONCE(*ring_status(ring_next + junk - n), LHCALL_STATUS_FREE);
}

/* ---- ring 3 still works ---- */

static void check_user_world(void)
{
	trap_handler_t old;
	u32 v;

	v = user_call(user_trap, 0, 0);
	expect(C_USER, v == VEC_SYSCALL, "user int $0x80 ended with vector %u", v);
	old = trap_set_handler(VEC_PF, user_exit);
	v = user_call(user_load, FAULT_VA, 0);
	trap_set_handler(VEC_PF, old);
	expect(C_USER, v == VEC_PF && user_exit_info.cr2 == FAULT_VA &&
	       user_exit_info.frame.error == PF_USER,
	       "user load of %x: vector %u cr2 %x error %x", FAULT_VA, v,
	       user_exit_info.cr2, user_exit_info.frame.error);
}

/* ---- fatal calls: the host must kill, with this reason ---- */

enum fatal {
	FATAL_NONE, FATAL_UNKNOWN, FATAL_UNKNOWN_ASYNC, FATAL_CONSOLE_END,
	FATAL_CONSOLE_LONG, FATAL_CONSOLE_WRAP, FATAL_INIT_RANGE,
	FATAL_INIT_FLAGS, FATAL_PGDIR_RANGE, FATAL_PGDIR_UNALIGNED,
	FATAL_PTE_SWITCHER, FATAL_PGD_SWITCHER, FATAL_GDT_INDEX,
	FATAL_IDT_VECTOR, FATAL_TLS_RANGE, FATAL_STACK_SEG,
	FATAL_SHUTDOWN_RANGE, FATAL_PTE_FRAME, FATAL_CS_PULLED,
	FATAL_CS_LIMIT, FATAL_CONFORMING, FATAL_COUNTERS_RANGE, FATAL_CASES
};

static void fatal(enum fatal k)
{
	static const char *const why[FATAL_CASES] = {
		[FATAL_UNKNOWN] = "unknown hypercall",
		[FATAL_UNKNOWN_ASYNC] = "unknown hypercall",
		[FATAL_CONSOLE_END] = "out of range",
		[FATAL_CONSOLE_LONG] = "too long",
		[FATAL_CONSOLE_WRAP] = "out of range",
		[FATAL_INIT_RANGE] = "out of range",
		[FATAL_INIT_FLAGS] = "unknown LHCALL_GUEST_INIT flags",
		[FATAL_PGDIR_RANGE] = "bad page table",
		[FATAL_PGDIR_UNALIGNED] = "bad page table",
		[FATAL_PTE_SWITCHER] = "Switcher's range",
		[FATAL_PGD_SWITCHER] = "Switcher's range",
		[FATAL_GDT_INDEX] = "out of range",
		[FATAL_IDT_VECTOR] = "out of range",
		[FATAL_TLS_RANGE] = "out of range",
		[FATAL_STACK_SEG] = "bad kernel stack segment",
		[FATAL_SHUTDOWN_RANGE] = "out of range",
		[FATAL_PTE_FRAME] = "out of range",
		[FATAL_CS_PULLED] = "pulled out from under",
		[FATAL_CS_LIMIT] = "segment registers are invalid",
		[FATAL_CONFORMING] = "segment registers are invalid",
		[FATAL_COUNTERS_RANGE] = "counters at",
	};
	u32 k8 = 1 + below(PAGE_SIZE), sel = gdt_selector(20, 1);
	struct call c = { LHCALL_NR + below(1000), 0, 0, 0, 0 };
	struct desc d;

	if (k <= FATAL_NONE || k >= FATAL_CASES)
		report_abort("fatal=%u: there are cases 1 to %u", k,
			     FATAL_CASES - 1);
	report_info("expect kill: %s", why[k]);
	switch (k) {
	case FATAL_UNKNOWN:
		fhcall(c.nr, rnd(), rnd(), rnd(), rnd());
		break;
	case FATAL_UNKNOWN_ASYNC:
		c.nr = ~below(1000);
		ring_commit(&c, 1);
		fhcall(LHCALL_FLUSH_ASYNC, 0, 0, 0, 0);
		break;
	case FATAL_CONSOLE_END:
		fhcall(LHCALL_CONSOLE_WRITE, mem_size - k8, k8 + 1, 0, 0);
		break;
	case FATAL_CONSOLE_LONG:
		fhcall(LHCALL_CONSOLE_WRITE, __pa(text),
		       LGUEST_DATA_MAX + 1 + below(1u << 20), 0, 0);
		break;
	case FATAL_CONSOLE_WRAP:
		fhcall(LHCALL_CONSOLE_WRITE, (u32)-k8, PAGE_SIZE, 0, 0);
		break;
	case FATAL_INIT_RANGE:
		fhcall(LHCALL_GUEST_INIT, mem_size - below(sizeof(lguest_data)),
		       LGUEST_INIT_LINEAR_MAP, 0, 0);
		break;
	case FATAL_INIT_FLAGS:
		fhcall(LHCALL_GUEST_INIT, __pa(&lguest_data),
		       LGUEST_INIT_LINEAR_MAP | (2u << below(30)), 0, 0);
		break;
	case FATAL_PGDIR_RANGE:
		fhcall(LHCALL_NEW_PGTABLE, mem_size + random_page(), 0, 0, 0);
		break;
	case FATAL_PGDIR_UNALIGNED:
		fhcall(LHCALL_NEW_PGTABLE, pgdirs[cur] + 4 * (1 + below(1023)),
		       0, 0, 0);
		break;
	case FATAL_PTE_SWITCHER:
		fhcall(LHCALL_SET_PTE, pgdirs[cur], switcher + below(-switcher),
		       rnd(), 0);
		break;
	case FATAL_PGD_SWITCHER:
		fhcall(LHCALL_SET_PGD, pgdirs[cur],
		       (switcher >> PDE_SHIFT) + below(1024 - (switcher >> PDE_SHIFT)),
		       0, 0);
		break;
	case FATAL_GDT_INDEX:
		fhcall(LHCALL_LOAD_GDT_ENTRY, LGUEST_GDT_ENTRIES + below(1000),
		       rnd(), rnd(), 0);
		break;
	case FATAL_IDT_VECTOR:
		fhcall(LHCALL_LOAD_IDT_ENTRY, 256 + below(1000), rnd(), rnd(), 0);
		break;
	case FATAL_TLS_RANGE:
		fhcall(LHCALL_LOAD_TLS, mem_size - 1 - below(23), 0, 0, 0);
		break;
	case FATAL_STACK_SEG:
		fhcall(LHCALL_SET_STACK, LGUEST_KERNEL_DS + 1 + below(0xffff),
		       trap_stack_top(), 0, 0);
		break;
	case FATAL_SHUTDOWN_RANGE:
		fhcall(LHCALL_SHUTDOWN, mem_size + below(-mem_size), 0, 0, 0);
		break;
	case FATAL_COUNTERS_RANGE:
		/* A copy that would run past the end of memory. */
		fhcall(LHCALL_READ_COUNTERS,
		       mem_size - below(sizeof(struct lguest_counters)), 0, 0, 0);
		break;
	case FATAL_PTE_FRAME:
		/* Our image's page table is shadowed: the frame is checked. */
		fhcall(LHCALL_SET_PTE, pgdirs[cur], (u32)fuzz_tramp & PAGE_MASK,
		       ((mem_size / PAGE_SIZE +
			 below(0x100000 - mem_size / PAGE_SIZE)) << 12) |
		       PTE_P | PTE_A, 0);
		break;
	case FATAL_CS_PULLED:
		d = make_desc(0, 0xfffff, 0xb, 1, 1, 1, 1, 1);
		fhcall(LHCALL_LOAD_GDT_ENTRY, 20, d.lo, d.hi, 0);
		far_hcall(sel, 0, LHCALL_LOAD_GDT_ENTRY, 20, 0, 0);
		break;
	case FATAL_CS_LIMIT:
		/* The hypercall fits, its return address does not. */
		d = make_desc(FAR_BASE, (u32)fuzz_tramp - FAR_BASE + 1, 0xb, 1,
			      1, 1, 1, 0);
		fhcall(LHCALL_LOAD_GDT_ENTRY, 20, d.lo, d.hi, 0);
		far_hcall(sel, FAR_BASE, LHCALL_NOP, 0, 0, 0);
		break;
	case FATAL_CONFORMING:
		d = make_desc(0, 0xfffff, 0xf, 1, 1, 1, 1, 1);
		fhcall(LHCALL_LOAD_GDT_ENTRY, 20, d.lo, d.hi, 0);
		far_hcall(sel, 0, LHCALL_NOP, 0, 0, 0);
		break;
	default:
		break;
	}
	report(false, "killed", "survived fatal case %u", k);
}

/* ---- the run ---- */

int main(void)
{
	u32 seed = cmdline_uint("seed", DEFAULT_SEED);
	u32 ops = cmdline_uint("ops", DEFAULT_OPS);
	u32 fatal_case = cmdline_uint("fatal", 0);
	unsigned int i, k, c;
	char line[32];

	printf("# seed=%u ops=%u fatal=%u (launcher -c 'seed=%u ...' replays it)\n",
	       seed, ops, fatal_case, seed);
	rand_seed(&rs, seed);
	mem_size = boot_info->mem_size;
	switcher = -lguest_data.reserve_mem;
	boot_reserve = lguest_data.reserve_mem;
	boot_tsc = lguest_data.tsc_khz;
	for (i = 0; i < sizeof(text); i++)
		text[i] = i % 64 == 63 ? '\n' : 'a' + i % 26;
	for (i = 0; i < sizeof(text); i += 64) {
		snprintf(line, sizeof(line), "console %05u ", i / 64);
		memcpy(text + i, line, strlen(line));
	}
	trap_set_handler(VEC_GP, on_gp);
	trap_set_handler(VEC_TIMER, on_tick);
	/* Maps the user pages first, so that every directory has them. */
	check_user_world();
	pt_setup();

	for (i = 0; i < ops; i++) {
		u32 r = below(100);

		if (r < 30)
			op_pagetable();
		else if (r < 40)
			op_foreign_pgdir();
		else if (r < 52)
			op_gdt();
		else if (r < 58)
			op_far_call();
		else if (r < 66)
			op_idt();
		else if (r < 73)
			op_nop();
		else if (r < 76)
			op_counters();
		else if (r < 80)
			op_stack();
		else if (r < 84)
			op_timer();
		else if (r < 86)
			op_console();
		else if (r < 89)
			op_init();
		else
			op_ring();
		if (i % 500 == 499)
			check_user_world();
	}

	/* Back to a world the library knows, and show it works. */
	fhcall(LHCALL_SET_CLOCKEVENT, 0, 0, 0, 0);
	fhcall(LHCALL_GUEST_INIT, __pa(&lguest_data), LGUEST_INIT_LINEAR_MAP,
	       0, 0);
	switch_pgdir(0);
	load_fs(0);
	check_user_world();
	/* After a console write that may have ended mid-line. */
	printf("\n# %u hypercalls: %u synchronous, %u queued; %u ticks\n",
	       n_sync + n_async, n_sync, n_async, ticks);

	if (fatal_case)
		fatal(fatal_case);
	for (c = 0; c < C_NCHECKS; c++) {
		k = runs[c];
		report(k > 0 && !bad[c], check_names[c], "%u of %u wrong", bad[c],
		       k);
	}
	return report_summary();
}
