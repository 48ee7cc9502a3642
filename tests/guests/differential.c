// SPDX-License-Identifier: GPL-2.0
/*
 * A randomized differential test of user-space page faults.  The same seed
 * must give the same digest under both builds of lg.ko: whatever the
 * fastpath Switcher reflects by itself, the guest must see exactly what
 * the baseline host shows it.  tests/vm/test_fastpath_differential.sh runs
 * it under both and compares the DIGEST lines.
 *
 * Command line: seed=N (default 20260512), cases=N (default 10000).
 *
 * Each case, driven by a fixed-seed PRNG:
 *  - sometimes switches between two page directories (LHCALL_NEW_PGTABLE),
 *    or flushes first (LHCALL_FLUSH_TLB 0 or 1), or moves the kernel stack
 *    for traps from ring 3 (LHCALL_SET_STACK), often so that the trap frame
 *    straddles two pages;
 *  - rewrites the page-directory entry of one of four 4 MiB slots of a
 *    user region, and/or the page-table entry of one of eight pages in it:
 *    present or not (a not-present entry full of junk bits), RW and U in
 *    either, accessed/dirty, one of eight data frames; and tells the host
 *    (LHCALL_SET_PGD / LHCALL_SET_PTE), or does not but flushes, or, for an
 *    entry that was not present, neither (the CPU caches no not-present
 *    entry either);
 *  - runs one ring-3 load or store at a random word of the page (now and
 *    then of a kernel page, an address with no page table above memory, or
 *    the Switcher's range instead), with random registers, user esp and
 *    virtual IF (on, off, or with junk bits), the #PF gate an interrupt
 *    gate or, sometimes, a trap gate;
 *  - the #PF handler records what it sees and either maps the page
 *    properly (telling the host, or flushing) so that the access is
 *    retried, or skips the instruction.
 *  - ends the run with int $0x80 through an interrupt gate or, sometimes,
 *    a trap gate, which lg.ko's direct_syscalls=1 gives the CPU;
 * Everything the guest sees is folded into a 64-bit FNV-1a digest: per
 * fault the vector, cr2, error code, frame (eip, cs, eflags with the
 * pushed virtual IF, esp, ss), the registers and segments, where the frame
 * was and the virtual IF in the handler; per case how it ended (and the
 * system call's frame, where it was and the IF in its handler), %eax, the
 * word in memory and the entries afterwards (accessed and dirty bits).
 *
 * The guest also checks every case against the CPU's rules for its own
 * tables (a fault exactly when the entries forbid the access, error code,
 * cr2, frame, the value, accessed/dirty set by a successful access) and
 * reports those checks as PASS/FAIL, so a wrong result common to both
 * builds is caught too.
 */
#include "cmdline.h"
#include "desc.h"
#include "hcall.h"
#include "idt.h"
#include "irq.h"
#include "page_alloc.h"
#include "printf.h"
#include "pt.h"
#include "report.h"
#include "str.h"
#include "user.h"

#define DEFAULT_SEED	20260512u
#define DEFAULT_CASES	10000u

#define REGION_VA	0x48000000u	/* four 4 MiB slots, away from the library's */
#define SLOTS		4
#define PAGES		8		/* pages used in each slot */
#define FRAMES		8		/* data frames */
#define PGDIRS		2
#define STACK_PAGES	4		/* the moving kernel stack's region */
#define MAX_FAULTS	3		/* per case; more ends the case */
#define SHOW		5		/* mismatches printed per kind */

/* The bits a present entry may carry besides frame, P, RW, U, A, D. */
#define PTE_JUNK_MASK	0xf18u		/* PWT, PCD, G, the three AVL bits */
#define PDE_JUNK_MASK	0xf58u		/* PWT, PCD, bit 6, G, AVL (never PS) */

/* ---- the PRNG and the digest ---- */

static u32 rng_state;

static u32 rnd(void)
{
	/* xorshift32 */
	u32 x = rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rng_state = x;
	return x;
}

/* True with probability pct / 100. */
static bool chance(u32 pct)
{
	return rnd() % 100 < pct;
}

static u64 digest = 0xcbf29ce484222325ull;

static void fold(u32 v)
{
	unsigned int i;

	for (i = 0; i < 4; i++) {
		digest ^= (v >> (8 * i)) & 0xff;
		digest *= 0x100000001b3ull;
	}
}

/* ---- the page tables under test ---- */

static u32 pgdirs[PGDIRS];		/* guest-physical */
static unsigned int cur;		/* index of the one loaded */
static u32 tables[PGDIRS][SLOTS];	/* guest-physical */
static u32 frames[FRAMES];		/* guest-physical */
static u32 stack_region;		/* kernel virtual, STACK_PAGES pages */
static u32 stack_top;			/* as last given to LHCALL_SET_STACK */

static u32 *pde_ptr(unsigned int d, unsigned int slot)
{
	return (u32 *)__va(pgdirs[d]) + (REGION_VA >> PDE_SHIFT) + slot;
}

static u32 *pte_ptr(unsigned int d, unsigned int slot, unsigned int page)
{
	return (u32 *)__va(tables[d][slot]) + page;
}

static u32 region_va(unsigned int slot, unsigned int page, unsigned int word)
{
	return REGION_VA + slot * PT_SPAN + page * PAGE_SIZE + word * 4;
}

/* How a change reaches the host. */
enum tell { TELL, FLUSH_USER, FLUSH_ALL, LAZY };

/* For the breakdown at the end. */
static unsigned int n_faulted, n_notpresent_user, n_protection, n_fixed,
	n_skipped, n_switches, n_flush_user, n_flush_all, n_told, n_lazy,
	n_bailed, n_stack_moves, n_syscall_trap_gates;

static enum tell pick_tell(bool was_present)
{
	u32 r = rnd() % 100;

	if (r < 45)
		return TELL;
	if (r < 80)
		return FLUSH_USER;
	if (r < 85)
		return FLUSH_ALL;
	return was_present ? TELL : LAZY;
}

static void count_tell(enum tell how)
{
	switch (how) {
	case TELL:
		n_told++;
		break;
	case FLUSH_USER:
		n_flush_user++;
		break;
	case FLUSH_ALL:
		n_flush_all++;
		break;
	case LAZY:
		n_lazy++;
		break;
	}
}

static void flush(bool all)
{
	hcall1(LHCALL_FLUSH_TLB, all);
}

static void apply_pde(unsigned int slot, u32 pde, enum tell how)
{
	WRITE_ONCE(*pde_ptr(cur, slot), pde);
	if (how == TELL)
		hcall2(LHCALL_SET_PGD, pgdirs[cur],
		       (REGION_VA >> PDE_SHIFT) + slot);
	else if (how != LAZY)
		flush(how == FLUSH_ALL);
}

static void apply_pte(unsigned int slot, unsigned int page, u32 pte,
		      enum tell how)
{
	WRITE_ONCE(*pte_ptr(cur, slot, page), pte);
	if (how == TELL)
		hcall3(LHCALL_SET_PTE, pgdirs[cur], region_va(slot, page, 0),
		       pte);
	else if (how != LAZY)
		flush(how == FLUSH_ALL);
}

static u32 random_pde(unsigned int slot)
{
	if (!chance(70))
		return chance(30) ? 0 : rnd() & ~(u32)PTE_P;
	return tables[cur][slot] | PTE_P | (rnd() & (PTE_W | PTE_U | PTE_A)) |
	       (chance(20) ? rnd() & PDE_JUNK_MASK : 0);
}

static u32 random_pte(void)
{
	if (!chance(70))
		return chance(30) ? 0 : rnd() & ~(u32)PTE_P;
	return frames[rnd() % FRAMES] | PTE_P |
	       (rnd() & (PTE_W | PTE_U | PTE_A | PTE_D)) |
	       (chance(20) ? rnd() & PTE_JUNK_MASK : 0);
}

/* ---- one case ---- */

enum target { T_REGION, T_KERNEL, T_NO_TABLE, T_SWITCHER };

struct fault_seen {
	u32 cr2, error, eip, cs, eflags, esp, ss, handler_if, frame_addr;
	u32 regs_ok;
};

static struct {
	enum target target;
	u32 va;
	unsigned int slot, page;
	bool write, fix, fix_by_flush;
	u32 frame;			/* for a fix of a not-present entry */
	struct user_regs regs;
	u32 user_if;			/* lguest_data.irq_enabled in ring 3 */
	bool trap_gate;
	bool syscall_trap_gate;		/* the closing int $0x80's gate */
	unsigned int faults;
	struct fault_seen first;
} c;


static unsigned int bad_fault, bad_error, bad_cr2, bad_frame, bad_if,
	bad_regs, bad_value, bad_accessed, bad_retry;

#define MISMATCH(counter, ...)						\
	do {								\
		if ((counter)++ < SHOW)					\
			report_info(__VA_ARGS__);			\
	} while (0)

static u32 cur_case;

static void fix_entries(void)
{
	u32 *pde = pde_ptr(cur, c.slot), *pte = pte_ptr(cur, c.slot, c.page);
	const u32 need = PTE_P | PTE_W | PTE_U;
	bool told_pde = false, told_pte = false;

	if ((*pde & need) != need) {
		WRITE_ONCE(*pde, tables[cur][c.slot] | need | PTE_A);
		told_pde = true;
	}
	if ((*pte & need) != need) {
		u32 frame = *pte & PTE_P ? *pte & PAGE_MASK : c.frame;

		WRITE_ONCE(*pte, frame | need | PTE_A | PTE_D);
		told_pte = true;
	}
	if (c.fix_by_flush) {
		flush(false);
		return;
	}
	if (told_pde)
		hcall2(LHCALL_SET_PGD, pgdirs[cur],
		       (REGION_VA >> PDE_SHIFT) + c.slot);
	if (told_pte)
		hcall3(LHCALL_SET_PTE, pgdirs[cur], region_va(c.slot, c.page, 0),
		       *pte);
}

static void pf_handler(struct trap_frame *f)
{
	struct fault_seen s = {
		.cr2 = READ_ONCE(lguest_data.cr2),
		.error = f->error,
		.eip = f->eip,
		.cs = f->cs,
		.eflags = f->eflags,
		.esp = f->user_esp,
		.ss = f->user_ss,
		.handler_if = irq_flags(),
		.frame_addr = (u32)&f->error,
	};

	if (!trap_from_user(f))
		report_abort("case %u: kernel #PF at 0x%x, cr2 0x%x, error 0x%x",
			     cur_case, f->eip, s.cr2, f->error);
	s.regs_ok = f->eax == c.regs.eax && f->ebx == c.regs.ebx &&
		    f->ecx == c.regs.ecx && f->edx == c.regs.edx &&
		    f->esi == c.regs.esi && f->edi == c.regs.edi &&
		    f->ebp == c.regs.ebp && f->ds == LGUEST_USER_DS &&
		    f->es == LGUEST_USER_DS;
	fold(VEC_PF);
	fold(s.cr2);
	fold(s.error);
	fold(s.eip);
	fold(s.cs);
	fold(s.eflags);
	fold(s.esp);
	fold(s.ss);
	fold(s.handler_if);
	fold(s.frame_addr);
	fold(f->eax);
	fold(f->ebx);
	fold(f->ecx);
	fold(f->edx);
	fold(f->esi);
	fold(f->edi);
	fold(f->ebp);
	fold(f->ds);
	fold(f->es);
	if (c.faults++ == 0)
		c.first = s;
	if (c.faults > MAX_FAULTS) {
		n_bailed++;
		user_exit(f);
	}
	if (c.fix && c.target == T_REGION)
		fix_entries();
	else
		f->eip += 2;	/* both snippets' accesses are 2 bytes long */
}

/* What the CPU's rules say about an access, from the guest's own tables. */
static bool region_allowed(u32 pde, u32 pte, bool write, bool *present)
{
	u32 both = pde & pte;

	*present = (pde & PTE_P) && (pte & PTE_P);
	return *present && (both & PTE_U) && (!write || (both & PTE_W));
}

static u32 *target_word(void)
{
	switch (c.target) {
	case T_REGION: {
		u32 pte = *pte_ptr(cur, c.slot, c.page);

		return (u32 *)((u8 *)__va(pte & PAGE_MASK) +
			       (c.va & ~PAGE_MASK));
	}
	case T_KERNEL:
		return (u32 *)c.va;
	default:
		return NULL;
	}
}

static void pick_target(void)
{
	u32 r = rnd() % 100, word = rnd() % (PAGE_SIZE / 4);

	c.slot = rnd() % SLOTS;
	c.page = rnd() % PAGES;
	c.target = T_REGION;
	c.va = region_va(c.slot, c.page, word);
	if (r >= 3)
		return;
	if (r == 0) {
		c.target = T_KERNEL;
		c.va = (u32)__va(frames[rnd() % FRAMES]) + word * 4;
	} else if (r == 1) {
		c.target = T_NO_TABLE;
		c.va = LGUEST_PAGE_OFFSET + boot_info->mem_size +
		       (1 + rnd() % 4) * PT_SPAN + word * 4;
	} else {
		c.target = T_SWITCHER;
		c.va = -lguest_data.reserve_mem +
		       (rnd() % (lguest_data.reserve_mem / 4)) * 4;
	}
}

static void run_case(void)
{
	static const u32 user_ifs[] = {
		X86_EFLAGS_IF, X86_EFLAGS_IF, 0, 0xffffffffu, 0xfffffdffu,
	};
	u32 vector, before = 0, *word, pde, pte, want_error;
	bool present = false, allowed;

	memset(&c, 0, sizeof(c));
	fold(0xca5e0000 + cur_case);

	/* Page directory, flushes. */
	if (chance(3)) {
		cur ^= 1;
		pt_switch(pgdirs[cur]);
		n_switches++;
	}
	if (chance(5)) {
		bool all = chance(20);

		flush(all);
		count_tell(all ? FLUSH_ALL : FLUSH_USER);
	}
	if (chance(3)) {
		/*
		 * The library's stack, or one in the upper half of our
		 * region (the handler needs the room below): half of those
		 * with the 24-byte frame across a page boundary.
		 */
		u32 half = stack_region + STACK_PAGES / 2 * PAGE_SIZE;

		if (chance(20))
			stack_top = trap_stack_top();
		else if (chance(50))
			stack_top = half + 4 * (1 + rnd() % 5);
		else
			stack_top = half + 4 * (rnd() % (STACK_PAGES / 2 *
							 PAGE_SIZE / 4));
		hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, stack_top);
		n_stack_moves++;
	}
	fold(stack_top);

	pick_target();
	/* New entries for the target's slot and page. */
	if (chance(30)) {
		u32 old = *pde_ptr(cur, c.slot);
		enum tell how = pick_tell(old & PTE_P);

		apply_pde(c.slot, random_pde(c.slot), how);
		count_tell(how);
	}
	if (chance(50)) {
		u32 old = *pte_ptr(cur, c.slot, c.page);
		enum tell how = pick_tell(old & PTE_P);

		apply_pte(c.slot, c.page, random_pte(), how);
		count_tell(how);
	}

	/* The access. */
	c.write = rnd() & 1;
	c.fix = chance(60);
	c.fix_by_flush = chance(30);
	c.frame = frames[rnd() % FRAMES];
	c.regs.eax = rnd();
	c.regs.ebx = c.va;
	c.regs.ecx = rnd();
	c.regs.edx = rnd();
	c.regs.esi = rnd();
	c.regs.edi = rnd();
	c.regs.ebp = rnd();
	c.regs.esp = rnd();
	c.regs.eip = user_va(c.write ? user_store : user_load);
	c.user_if = user_ifs[rnd() % ARRAY_SIZE(user_ifs)];
	c.trap_gate = chance(10);
	/*
	 * The int $0x80 ending the run through a trap gate, which a host with
	 * direct_syscalls=1 gives the CPU; only with the virtual IF on in user
	 * space, as a kernel keeps it there: the CPU's frame carries the
	 * real IF, always on at ring 3, where the host's shows the virtual
	 * one (docs/security.md).
	 */
	c.syscall_trap_gate = (c.user_if & X86_EFLAGS_IF) && chance(30);

	pde = *pde_ptr(cur, c.slot);
	pte = *pte_ptr(cur, c.slot, c.page);
	fold(pde);
	fold(pte);
	fold(c.va);
	fold(c.write);
	switch (c.target) {
	case T_REGION:
		allowed = region_allowed(pde, pte, c.write, &present);
		break;
	case T_KERNEL:
		present = true;
		allowed = false;
		break;
	default:
		allowed = false;
		break;
	}
	/* The word the access would reach, if there is one. */
	word = c.target == T_KERNEL || (c.target == T_REGION && (pte & PTE_P)) ?
		       target_word() : NULL;
	if (word)
		before = *word;

	if (c.trap_gate)
		idt_set_gate(VEC_PF, GATE_TRAP, 0);
	if (c.syscall_trap_gate)
		idt_set_gate(VEC_SYSCALL, GATE_TRAP, 3);
	WRITE_ONCE(lguest_data.irq_enabled, c.user_if);
	vector = user_enter(&c.regs);	/* returns with the IF off */
	if (c.trap_gate)
		idt_set_gate(VEC_PF, GATE_INTERRUPT, 0);
	if (c.syscall_trap_gate)
		idt_set_gate(VEC_SYSCALL, GATE_INTERRUPT, 3);

	/* The outcome. */
	fold(vector);
	fold(c.faults);
	fold(user_exit_info.frame.eax);
	if (vector == VEC_SYSCALL) {
		/* The system call's frame, where it was, the IF it left. */
		const struct trap_frame *f = &user_exit_info.frame;

		fold(f->eip);
		fold(f->cs);
		fold(f->eflags);
		fold(f->user_esp);
		fold(f->user_ss);
		fold(user_exit_info.frame_addr);
		fold(user_exit_info.irq_enabled);
		n_syscall_trap_gates += c.syscall_trap_gate;
	}
	if (c.target == T_REGION) {
		u32 *w = target_word();

		pde = *pde_ptr(cur, c.slot);
		pte = *pte_ptr(cur, c.slot, c.page);
		fold(pde);
		fold(pte);
		fold(pte & PTE_P ? *w : 0);
	} else if (c.target == T_KERNEL) {
		fold(*word);
	}
	if (c.faults) {
		n_faulted++;
		if (!(c.first.error & PF_PRESENT) && (c.first.cs & 3) == 3)
			n_notpresent_user++;
		else
			n_protection++;
		c.fix && c.target == T_REGION ? n_fixed++ : n_skipped++;
	}

	/* Against the CPU's rules. */
	want_error = PF_USER | (present ? PF_PRESENT : 0) |
		     (c.write ? PF_WRITE : 0);
	if (allowed != !c.faults)
		MISMATCH(bad_fault, "case %u: va 0x%x %s, pde 0x%x pte 0x%x: %u faults, want %s",
			 cur_case, c.va, c.write ? "write" : "read",
			 *pde_ptr(cur, c.slot), *pte_ptr(cur, c.slot, c.page),
			 c.faults, allowed ? "none" : "one");
	if (c.faults && !allowed) {
		u32 want_if = c.trap_gate ? c.user_if : 0;

		if (c.first.error != want_error)
			MISMATCH(bad_error, "case %u: va 0x%x: error 0x%x, want 0x%x",
				 cur_case, c.va, c.first.error, want_error);
		if (c.first.cr2 != c.va)
			MISMATCH(bad_cr2, "case %u: cr2 0x%x, want 0x%x",
				 cur_case, c.first.cr2, c.va);
		if (c.first.eip != user_va(c.write ? user_store_insn :
							    user_load_insn) ||
		    c.first.cs != LGUEST_USER_CS ||
		    c.first.eflags != ((c.user_if & X86_EFLAGS_IF) | 0x2) ||
		    c.first.esp != c.regs.esp || c.first.ss != LGUEST_USER_DS ||
		    c.first.frame_addr != stack_top - 24)
			MISMATCH(bad_frame, "case %u: frame eip 0x%x cs 0x%x eflags 0x%x esp 0x%x ss 0x%x at 0x%x",
				 cur_case, c.first.eip, c.first.cs,
				 c.first.eflags, c.first.esp, c.first.ss,
				 c.first.frame_addr);
		if (c.first.handler_if != want_if)
			MISMATCH(bad_if, "case %u: virtual IF 0x%x in the handler, want 0x%x",
				 cur_case, c.first.handler_if, want_if);
		if (!c.first.regs_ok)
			MISMATCH(bad_regs, "case %u: registers changed", cur_case);
		if (c.faults > 1 || vector != VEC_SYSCALL)
			MISMATCH(bad_retry, "case %u: %u faults, ended by vector %u",
				 cur_case, c.faults, vector);
	}
	if (vector == VEC_SYSCALL && c.target == T_REGION &&
	    (allowed || c.fix)) {
		/* The access happened: check it against memory. */
		u32 *w = target_word();

		pte = *pte_ptr(cur, c.slot, c.page);
		if (!c.write && user_exit_info.frame.eax !=
				(allowed ? before : *w))
			MISMATCH(bad_value, "case %u: read 0x%x, memory 0x%x",
				 cur_case, user_exit_info.frame.eax, *w);
		if (c.write && *w != c.regs.ecx)
			MISMATCH(bad_value, "case %u: wrote 0x%x, memory 0x%x",
				 cur_case, c.regs.ecx, *w);
		if (!(pte & PTE_A) || (c.write && !(pte & PTE_D)))
			MISMATCH(bad_accessed, "case %u: %s through pte 0x%x",
				 cur_case, c.write ? "write" : "read", pte);
	} else if (vector == VEC_SYSCALL) {
		/* Refused and skipped: nothing may have changed. */
		if (!c.write && user_exit_info.frame.eax != c.regs.eax)
			MISMATCH(bad_value, "case %u: skipped load changed eax to 0x%x",
				 cur_case, user_exit_info.frame.eax);
		if (c.write && word && *word != before)
			MISMATCH(bad_value, "case %u: refused store changed memory to 0x%x",
				 cur_case, *word);
	}
}

int main(void)
{
	u32 seed = cmdline_uint("seed", DEFAULT_SEED);
	u32 cases = cmdline_uint("cases", DEFAULT_CASES);
	unsigned int d, s, i;

	rng_state = seed ? seed : DEFAULT_SEED;
	report_info("seed=%u cases=%u", seed, cases);

	/* Frames with a known pattern; empty tables; a second directory. */
	for (i = 0; i < FRAMES; i++) {
		u32 *w;

		frames[i] = page_alloc();
		w = __va(frames[i]);
		for (s = 0; s < PAGE_SIZE / 4; s++)
			w[s] = (i << 24) ^ (s * 2654435761u);
	}
	stack_region = (u32)__va(page_alloc());
	for (i = 1; i < STACK_PAGES; i++)
		if (page_alloc() != __pa((void *)stack_region) + i * PAGE_SIZE)
			report_abort("the stack pages are not contiguous");
	stack_top = trap_stack_top();
	pgdirs[0] = pt_pgdir();
	pgdirs[1] = page_alloc();
	memcpy(__va(pgdirs[1]), __va(pgdirs[0]), PAGE_SIZE);
	for (d = 0; d < PGDIRS; d++)
		for (s = 0; s < SLOTS; s++) {
			tables[d][s] = page_alloc();
			if (*pde_ptr(d, s))
				report_abort("the region's slot %u is in use", s);
		}

	trap_set_handler(VEC_PF, pf_handler);
	user_call(user_trap, 0, 0);	/* user space set up (in both directories) */
	memcpy(__va(pgdirs[1]), __va(pgdirs[0]), PAGE_SIZE);
	cur = 0;

	for (cur_case = 0; cur_case < cases; cur_case++)
		run_case();
	if (cur)
		pt_switch(pgdirs[0]);
	hcall2(LHCALL_SET_STACK, LGUEST_KERNEL_DS, trap_stack_top());

	report_info("breakdown: cases=%u faulted=%u notpresent_user=%u protection=%u fixed=%u skipped=%u bailed=%u",
		    cases, n_faulted, n_notpresent_user, n_protection, n_fixed,
		    n_skipped, n_bailed);
	report_info("changes: told=%u flush_user=%u flush_all=%u lazy=%u pgdir_switches=%u stack_moves=%u syscall_trap_gates=%u",
		    n_told, n_flush_user, n_flush_all, n_lazy, n_switches,
		    n_stack_moves, n_syscall_trap_gates);
	printf("DIGEST %08x%08x cases=%u\n", (u32)(digest >> 32), (u32)digest,
	       cases);

	report_eq("fault_exactly_when_forbidden", bad_fault, 0);
	report_eq("error_code", bad_error, 0);
	report_eq("cr2", bad_cr2, 0);
	report_eq("frame", bad_frame, 0);
	report_eq("handler_virtual_if", bad_if, 0);
	report_eq("registers_kept", bad_regs, 0);
	report_eq("one_fault_then_done", bad_retry, 0);
	report_eq("values", bad_value, 0);
	report_eq("accessed_dirty_set", bad_accessed, 0);
	report(n_faulted > 0 && n_notpresent_user > 0 && n_protection > 0 &&
	       n_faulted < cases, "mix_of_outcomes",
	       "%u of %u faulted, %u not present", n_faulted, cases,
	       n_notpresent_user);
	return report_summary();
}
