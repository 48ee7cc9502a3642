// SPDX-License-Identifier: GPL-2.0
/*
 * Shadow page tables.
 *
 * The guest keeps ordinary two-level (non-PAE) page tables in its own
 * memory, but the CPU never sees them: it runs on shadow page tables the
 * host builds from them, with host page frames where the guest has guest
 * ones.  The shadow starts empty and is filled one entry at a time, on the
 * page fault that needs it (demand_page()).  The guest tells us whenever it
 * changes an entry (SET_PTE, SET_PGD) or switches page directory
 * (NEW_PGTABLE), and we keep the shadows of the last few page directories
 * so a context switch back need not start from nothing.
 *
 * The story of one fault, the one M:012 is about: guest user space touches
 * a page.  The shadow has no entry, so the CPU faults into the Switcher,
 * which takes us to the host.  demand_page() walks the guest's tables:
 *  - the guest entry is present and allows the access: we copy it into the
 *    shadow (setting the guest's accessed and dirty bits, as the CPU would)
 *    and resume the guest, which never knows;
 *  - it is not present, or forbids the access: the fault is the guest's.
 *    The caller reflects it into the guest's own handler (interrupts.c),
 *    with the error code the guest's own tables imply.
 *
 * The last 4 MiB slot below the top belongs to the Switcher: the guest may
 * map nothing at or above switcher_addr.
 */
#include <linux/bsearch.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <asm/pgtable.h>
#include <asm/trap_pf.h>
#include "lg.h"

#define PTRS_PER_TABLE		1024
#define KERNEL_PGD_INDEX	(LGUEST_PAGE_OFFSET >> 22)

static unsigned int pgd_idx(u32 vaddr)
{
	return vaddr >> 22;
}

static unsigned int pte_idx(u32 vaddr)
{
	return (vaddr >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1);
}

static unsigned int switcher_pgd_idx(void)
{
	return pgd_idx(switcher_addr);
}

u32 *shadow_pgdir(struct lguest *lg)
{
	return lg->pgdirs[lg->cur_pgdir].pgdir;
}

static u32 cur_gpgdir(struct lguest *lg)
{
	return lg->pgdirs[lg->cur_pgdir].gpgdir;
}

/* What one walk of the guest's page tables found. */
struct guest_walk {
	u32 pde, pte;
	u32 pde_gpa, pte_gpa;
};

enum walk_result { WALK_PRESENT, WALK_NOT_PRESENT, WALK_BROKEN };

/*
 * Walk the guest page directory at gpa gpgdir for vaddr.  Addresses the
 * guest may not map read as not present; an entry pointing outside guest
 * memory, or a large page (we hide PSE from the guest), is broken, and
 * kills the guest if asked to: everyone asks (walk_guest()) but the shadow
 * audit, which only looks.
 */
static enum walk_result walk_guest_tables(struct lguest *lg, u32 gpgdir,
					  u32 vaddr, struct guest_walk *w,
					  bool kill)
{
	if (vaddr >= switcher_addr)
		return WALK_NOT_PRESENT;
	w->pde_gpa = gpgdir + pgd_idx(vaddr) * sizeof(u32);
	if (read_guest(lg, w->pde_gpa, &w->pde, sizeof(u32)))
		goto out_of_range;
	if (!(w->pde & _PAGE_PRESENT))
		return WALK_NOT_PRESENT;
	if (w->pde & _PAGE_PSE) {
		if (kill)
			kill_guest(lg, "bad page table: large page at %#x",
				   vaddr);
		return WALK_BROKEN;
	}
	w->pte_gpa = (w->pde & PAGE_MASK) + pte_idx(vaddr) * sizeof(u32);
	if (read_guest(lg, w->pte_gpa, &w->pte, sizeof(u32)))
		goto out_of_range;
	if (!(w->pte & _PAGE_PRESENT))
		return WALK_NOT_PRESENT;
	if ((w->pte >> PAGE_SHIFT) >= lg->npages) {
		if (kill)
			kill_guest(lg, "bad page table: PTE %#x for %#x is out of range",
				   w->pte, vaddr);
		return WALK_BROKEN;
	}
	return WALK_PRESENT;

out_of_range:
	if (kill)
		kill_guest(lg, "bad page table: entry for %#x is out of range (PDE %#x)",
			   vaddr, w->pde);
	return WALK_BROKEN;
}

static enum walk_result walk_guest(struct lguest *lg, u32 gpgdir, u32 vaddr,
				   struct guest_walk *w)
{
	return walk_guest_tables(lg, gpgdir, vaddr, w, true);
}

/* Would the CPU allow this access (page-fault error code bits)? */
static bool guest_allows(const struct guest_walk *w, u32 errcode)
{
	u32 both = w->pde & w->pte;

	if ((errcode & X86_PF_WRITE) && !(both & _PAGE_RW))
		return false;
	if ((errcode & X86_PF_USER) && !(both & _PAGE_USER))
		return false;
	return true;
}

/*
 * Set the accessed (and, for a write, dirty) bits in the guest's entries,
 * as the CPU would have had it walked them itself.
 */
static void mark_accessed(struct lguest *lg, struct guest_walk *w, bool write)
{
	u32 pde = w->pde | _PAGE_ACCESSED;
	u32 pte = w->pte | _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);

	if (pde != w->pde)
		write_guest(lg, w->pde_gpa, &pde, sizeof(u32));
	if (pte != w->pte)
		write_guest(lg, w->pte_gpa, &pte, sizeof(u32));
	w->pde = pde;
	w->pte = pte;
}

/*
 * The shadow entry for a guest entry: the host's frame, the guest's user
 * bit, and write access only once the guest's entry is dirty, so the first
 * write faults to us and we can set the dirty bit.  Nothing else is ever
 * in a shadow PTE: the accessed and dirty bits the CPU might set are
 * there already.
 */
#define SHADOW_PTE_FLAGS	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				 _PAGE_ACCESSED | _PAGE_DIRTY)

static u32 shadow_pte(struct lguest *lg, u32 pde, u32 pte)
{
	u32 both = pde & pte;
	u32 flags = _PAGE_PRESENT | _PAGE_ACCESSED;

	if (both & _PAGE_USER)
		flags |= _PAGE_USER;
	if ((both & _PAGE_RW) && (pte & _PAGE_DIRTY))
		flags |= _PAGE_RW | _PAGE_DIRTY;
	return (guest_pfn_to_host(lg, pte >> PAGE_SHIFT) << PAGE_SHIFT) | flags;
}

/*
 * A shadow page directory's entries are permissive: the restrictions live
 * in the shadow PTEs.
 */
#define SHADOW_PDE_FLAGS	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				 _PAGE_ACCESSED)

/*
 * Every shadow page passes through these two, so a guest's count must be
 * back to zero when it is destroyed (lguest_user.c checks).
 */
static u32 *alloc_shadow_page(struct lguest *lg)
{
	u32 *page = (u32 *)get_zeroed_page(GFP_KERNEL);

	if (page)
		lg->shadow_pages++;
	else
		kill_guest(lg, "out of memory for shadow page tables");
	return page;
}

static void free_shadow_page(struct lguest *lg, u32 *page)
{
	free_page((unsigned long)page);
	lg->shadow_pages--;
}

/* The shadow page table under spgdir[idx], made if asked and missing. */
static u32 *shadow_pte_page(struct lguest *lg, u32 *spgdir, unsigned int idx,
			    bool make)
{
	u32 *page;

	if (spgdir[idx] & _PAGE_PRESENT)
		return __va(spgdir[idx] & PAGE_MASK);
	if (!make)
		return NULL;
	page = alloc_shadow_page(lg);
	if (!page)
		return NULL;
	spgdir[idx] = __pa(page) | SHADOW_PDE_FLAGS;
	return page;
}

static void release_pde(struct lguest *lg, u32 *spgdir, unsigned int idx)
{
	if (spgdir[idx] & _PAGE_PRESENT)
		free_shadow_page(lg, __va(spgdir[idx] & PAGE_MASK));
	spgdir[idx] = 0;
}

/* Drop shadow PDEs [from, to); the Switcher's slot is never ours to drop. */
static void release_pdes(struct lguest *lg, u32 *spgdir, unsigned int from,
			 unsigned int to)
{
	unsigned int i;

	for (i = from; i < to && i < switcher_pgd_idx(); i++)
		release_pde(lg, spgdir, i);
}

/* The current shadow's entry for vaddr, from the guest's, as the CPU would. */
static bool fill_shadow(struct lguest *lg, u32 vaddr, struct guest_walk *w,
			bool write)
{
	u32 *ptes;

	mark_accessed(lg, w, write);
	ptes = shadow_pte_page(lg, shadow_pgdir(lg), pgd_idx(vaddr), true);
	if (ptes)
		ptes[pte_idx(vaddr)] = shadow_pte(lg, w->pde, w->pte);
	return ptes != NULL;
}

bool demand_page(struct lguest *lg, u32 vaddr, u32 *errcode)
{
	struct guest_walk w;

	if (walk_guest(lg, cur_gpgdir(lg), vaddr, &w) != WALK_PRESENT) {
		/*
		 * Not present to the guest, even where the shadow has an entry
		 * (the Switcher's pages, at the top): the guest sees P clear.
		 */
		*errcode &= ~X86_PF_PROT;
		return lg->dead;
	}
	if (!guest_allows(&w, *errcode)) {
		/*
		 * The guest's entry is there: to the guest this is a protection
		 * fault, whatever the shadow (which may lack the entry) said.
		 */
		*errcode |= X86_PF_PROT;
		return false;
	}
	fill_shadow(lg, vaddr, &w, *errcode & X86_PF_WRITE);
	return true;
}

/*
 * Direct system calls (interrupts.c): the CPU itself pushes the frame of
 * user space's int $0x80 onto the guest kernel's stack, and a fault there
 * would cost the world switch we meant to save.  So before the guest runs
 * the page under vaddr must be in the current shadow, writable: if it is
 * not, we fill it as for a write by the guest kernel (which the guest's
 * own tables must allow).  False if they do not, or if we could not.  Nothing in the guest's
 * run can take it out again but a hypercall, an exit, after which we look
 * again; and the Switcher's SET_PTE (switcher_exitless.S) for a user
 * address, which can only cost a fault that comes to us.
 */
bool pin_stack_page(struct lguest *lg, u32 vaddr)
{
	u32 *ptes = shadow_pte_page(lg, shadow_pgdir(lg), pgd_idx(vaddr), false);
	u32 want = _PAGE_PRESENT | _PAGE_RW;
	struct guest_walk w;

	if (ptes && (ptes[pte_idx(vaddr)] & want) == want)
		return true;
	/* Only looking: a broken table is the host path's to kill for. */
	if (walk_guest_tables(lg, cur_gpgdir(lg), vaddr, &w, false) !=
	    WALK_PRESENT || !guest_allows(&w, X86_PF_WRITE))
		return false;
	return fill_shadow(lg, vaddr, &w, true);
}

bool guest_va_to_pa(struct lguest *lg, u32 vaddr, bool write, u32 *gpa)
{
	struct guest_walk w;

	if (walk_guest(lg, cur_gpgdir(lg), vaddr, &w) != WALK_PRESENT)
		return false;
	if (write && !(w.pde & w.pte & _PAGE_RW))
		return false;
	mark_accessed(lg, &w, write);
	*gpa = (w.pte & PAGE_MASK) | (vaddr & ~PAGE_MASK);
	return true;
}

static bool gpgdir_ok(struct lguest *lg, u32 gpgdir)
{
	if (!(gpgdir & ~PAGE_MASK) && gpa_ok(lg, gpgdir, PAGE_SIZE))
		return true;
	kill_guest(lg, "bad page table: page directory %#x is out of range",
		   gpgdir);
	return false;
}

static int find_pgdir(struct lguest *lg, u32 gpgdir)
{
	int i;

	for (i = 0; i < LGUEST_SHADOW_PGDIRS; i++)
		if (lg->pgdirs[i].pgdir && lg->pgdirs[i].gpgdir == gpgdir)
			return i;
	return -1;
}

static void free_pgdir(struct lguest *lg, struct lguest_pgdir *pd)
{
	if (!pd->pgdir)
		return;
	release_pdes(lg, pd->pgdir, 0, PTRS_PER_TABLE);
	free_shadow_page(lg, pd->pgdir);
	pd->pgdir = NULL;
	pd->gpgdir = 0;
}

void guest_new_pagetable(struct lguest *lg, u32 gpgdir)
{
	struct lguest_pgdir *pd;
	int i;

	if (!gpgdir_ok(lg, gpgdir))
		return;
	i = find_pgdir(lg, gpgdir);
	if (i < 0) {
		/* Round-robin eviction: simple, and fine for a few slots. */
		i = lg->next_evict;
		lg->next_evict = (i + 1) % LGUEST_SHADOW_PGDIRS;
		pd = &lg->pgdirs[i];
		free_pgdir(lg, pd);
		pd->pgdir = alloc_shadow_page(lg);
		if (!pd->pgdir)
			return;
		pd->gpgdir = gpgdir;
	}
	lg->cur_pgdir = i;
}

int init_shadow_pages(struct lguest *lg, u32 gpgdir)
{
	if (gpgdir & ~PAGE_MASK || !gpa_ok(lg, gpgdir, PAGE_SIZE))
		return -EINVAL;
	lg->next_evict = 0;
	guest_new_pagetable(lg, gpgdir);
	return shadow_pgdir(lg) ? 0 : -ENOMEM;
}

void free_shadow_pages(struct lguest *lg)
{
	int i;

	for (i = 0; i < LGUEST_SHADOW_PGDIRS; i++)
		free_pgdir(lg, &lg->pgdirs[i]);
}

/* Bring one shadow's entry for vaddr in line with the guest's new PTE. */
static void update_shadow_pte(struct lguest *lg, struct lguest_pgdir *pd,
			      u32 vaddr, u32 gpte)
{
	u32 *ptes = shadow_pte_page(lg, pd->pgdir, pgd_idx(vaddr), false);
	struct guest_walk w;

	if (!ptes)
		return;
	/*
	 * An entry the guest has already used (accessed set) is worth
	 * shadowing at once: it saves the fault the next access would take.
	 * Anything else just drops the old shadow entry.
	 */
	ptes[pte_idx(vaddr)] = 0;
	if (!(gpte & _PAGE_PRESENT) || !(gpte & _PAGE_ACCESSED))
		return;
	if ((gpte >> PAGE_SHIFT) >= lg->npages) {
		kill_guest(lg, "bad page table: PTE %#x for %#x is out of range",
			   gpte, vaddr);
		return;
	}
	if (walk_guest(lg, pd->gpgdir, vaddr, &w) == WALK_PRESENT)
		ptes[pte_idx(vaddr)] = shadow_pte(lg, w.pde, gpte);
}

void guest_set_pte(struct lguest *lg, u32 gpgdir, u32 vaddr, u32 gpte)
{
	int i;

	if (vaddr >= switcher_addr) {
		kill_guest(lg, "SET_PTE at %#x, in the Switcher's range", vaddr);
		return;
	}
	/* Kernel mappings are the same in every page directory. */
	if (vaddr >= LGUEST_PAGE_OFFSET) {
		for (i = 0; i < LGUEST_SHADOW_PGDIRS && !lg->dead; i++)
			if (lg->pgdirs[i].pgdir)
				update_shadow_pte(lg, &lg->pgdirs[i], vaddr, gpte);
		return;
	}
	i = find_pgdir(lg, gpgdir);
	if (i >= 0)
		update_shadow_pte(lg, &lg->pgdirs[i], vaddr, gpte);
}

void guest_set_pgd(struct lguest *lg, u32 gpgdir, u32 index)
{
	int i;

	if (index >= switcher_pgd_idx()) {
		kill_guest(lg, "SET_PGD at index %u, in the Switcher's range",
			   index);
		return;
	}
	i = find_pgdir(lg, gpgdir);
	if (i >= 0)
		release_pde(lg, lg->pgdirs[i].pgdir, index);
}

void guest_flush_tlb(struct lguest *lg, bool all)
{
	int i;

	if (!all) {
		release_pdes(lg, shadow_pgdir(lg), 0, KERNEL_PGD_INDEX);
		return;
	}
	for (i = 0; i < LGUEST_SHADOW_PGDIRS; i++)
		if (lg->pgdirs[i].pgdir)
			release_pdes(lg, lg->pgdirs[i].pgdir, 0, PTRS_PER_TABLE);
}

/*
 * The shadow audit, a debugging aid: off unless lg.ko is loaded with
 * shadow_audit=1 (or it is set in /sys/module/lg/parameters), and then run
 * as a guest goes, before its shadow is freed (lguest_user.c).  It looks
 * at every entry of every shadow page directory the guest had, and asks
 * two questions of each.
 *
 * Does it keep the guest in its box?  A present PTE maps one of the
 * guest's own pinned frames, with no flag but SHADOW_PTE_FLAGS; every
 * page table is a shadow page, no guest frame, reached once, and there are
 * lg->shadow_pages of them with the page directories; the Switcher's slot
 * holds nothing or one of the Switcher's own page tables (core.c), and
 * nothing lies above it.  An entry that fails here is "bad": a hole.
 *
 * Does it give the guest no more than the guest's own tables do?  Walking
 * them for the entry's address must find the same frame, and no right
 * the entry shadow_pte() would make now lacks.  This may fail legitimately:
 * the shadow is the guest's TLB, and between the guest's write to a PTE
 * and its SET_PTE or FLUSH_TLB it may be behind the guest's tables, as a
 * TLB may.  Such an entry, on a frame of the guest's, is only "stale".
 */
static bool shadow_audit;
module_param(shadow_audit, bool, 0644);
MODULE_PARM_DESC(shadow_audit,
		 "debug: check each guest's shadow page tables as it goes");

/* Lines per audit for each kind of finding: one bug can make thousands. */
#define AUDIT_REPORTS	8

/* A guest frame, by the host frame behind it. */
struct audit_frame {
	u32 hpfn;
	u32 gpfn;
};

struct audit {
	struct lguest *lg;
	struct audit_frame *frames;	/* all lg->npages, sorted by hpfn */
	u32 *spages;			/* host frames of the shadow pages met */
	unsigned int nspages;
	unsigned long entries, stale, bad;
};

static int cmp_pfn(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return (x > y) - (x < y);
}

/* The guest frame behind host frame hpfn; NULL if it is not the guest's. */
static const struct audit_frame *audit_frame(struct audit *a, u32 hpfn)
{
	struct audit_frame key = { .hpfn = hpfn };

	/* hpfn comes first in struct audit_frame: cmp_pfn() sorts on it. */
	return bsearch(&key, a->frames, a->lg->npages, sizeof(key), cmp_pfn);
}

static bool audit_spage_met(struct audit *a, u32 hpfn)
{
	return bsearch(&hpfn, a->spages, a->nspages, sizeof(u32), cmp_pfn);
}

static __printf(3, 4) void audit_note(struct audit *a, bool bad,
				      const char *fmt, ...)
{
	unsigned long *count = bad ? &a->bad : &a->stale;
	struct va_format vaf;
	va_list ap;

	if ((*count)++ >= AUDIT_REPORTS)
		return;
	va_start(ap, fmt);
	vaf.fmt = fmt;
	vaf.va = &ap;
	if (bad)
		pr_err("lguest: shadow audit of guest %llu: bad: %pV\n",
		       a->lg->id, &vaf);
	else
		pr_info("lguest: shadow audit of guest %llu: stale: %pV\n",
			a->lg->id, &vaf);
	va_end(ap);
}

/*
 * A page a shadow page directory leads to (or is), which must be ours: no
 * guest frame, and in the host's linear map, where we allocated it.
 */
static bool audit_spage(struct audit *a, unsigned int n, u32 hpfn)
{
	if (audit_frame(a, hpfn)) {
		audit_note(a, true, "pgdir %u: a shadow page is a guest frame", n);
		return false;
	}
	if (!virt_addr_valid(__va((unsigned long)hpfn << PAGE_SHIFT))) {
		audit_note(a, true, "pgdir %u: a shadow page is outside the linear map", n);
		return false;
	}
	a->spages[a->nspages++] = hpfn;
	return true;
}

/*
 * A shadow PTE, for vaddr in shadow page directory n.  The rights test is
 * shadow_pte()'s rule: the entry the host would write now from the guest's
 * tables has the same frame, and every user or write bit the shadow has.
 * The details name guest-physical frames only, never the host's.
 */
static void audit_pte(struct audit *a, unsigned int n, u32 vaddr, u32 spte)
{
	struct lguest *lg = a->lg;
	const struct audit_frame *f = audit_frame(a, spte >> PAGE_SHIFT);
	u32 flags = spte & ~PAGE_MASK, want;
	struct guest_walk w = { 0 };

	a->entries++;
	if (!(spte & _PAGE_PRESENT) || (flags & ~SHADOW_PTE_FLAGS)) {
		audit_note(a, true, "va %#x in pgdir %u: flags %#x", vaddr, n,
			   flags);
		return;
	}
	if (!f) {
		audit_note(a, true, "va %#x in pgdir %u: a frame not the guest's",
			   vaddr, n);
		return;
	}
	if (walk_guest_tables(lg, lg->pgdirs[n].gpgdir, vaddr, &w, false) ==
	    WALK_PRESENT) {
		want = shadow_pte(lg, w.pde, w.pte);
		if (!((spte ^ want) & PAGE_MASK) &&
		    !(spte & ~want & (_PAGE_RW | _PAGE_USER)))
			return;
	}
	audit_note(a, false, "va %#x in pgdir %u: shadow %#x, guest PDE %#x PTE %#x",
		   vaddr, n, f->gpfn << PAGE_SHIFT | flags, w.pde, w.pte);
}

static void audit_pgdir(struct audit *a, unsigned int n)
{
	u32 *spgdir = a->lg->pgdirs[n].pgdir, *ptes;
	unsigned int i, j, top = switcher_pgd_idx();

	if (!audit_spage(a, n, __pa(spgdir) >> PAGE_SHIFT))
		return;
	/* The Switcher's slot waits for audit_switcher_slot(). */
	for (i = 0; i < PTRS_PER_TABLE; i++) {
		u32 flags = spgdir[i] & ~PAGE_MASK;

		if (!spgdir[i] || i == top)
			continue;
		if (i > top) {
			audit_note(a, true, "pgdir %u: entry %u is above the Switcher (flags %#x)",
				   n, i, flags);
			continue;
		}
		if (flags != SHADOW_PDE_FLAGS) {
			audit_note(a, true, "pgdir %u: entry %u has flags %#x",
				   n, i, flags);
			continue;
		}
		if (!audit_spage(a, n, spgdir[i] >> PAGE_SHIFT))
			continue;
		ptes = __va(spgdir[i] & PAGE_MASK);
		for (j = 0; j < PTRS_PER_TABLE; j++)
			if (ptes[j])
				audit_pte(a, n, i << 22 | j << PAGE_SHIFT,
					  ptes[j]);
		cond_resched();
	}
}

/*
 * lguest_run_once() points the slot at the running CPU's Switcher page
 * table; a page directory not yet run has nothing there.  Called once
 * every shadow page has been met and a->spages sorted.
 */
static void audit_switcher_slot(struct audit *a, unsigned int n)
{
	u32 pde = a->lg->pgdirs[n].pgdir[switcher_pgd_idx()];
	const char *why = NULL;

	if (!pde)
		return;
	if (!(pde & _PAGE_PRESENT) || (pde & _PAGE_PSE))
		why = "no page table";
	else if (audit_frame(a, pde >> PAGE_SHIFT))
		why = "a guest frame";
	else if (audit_spage_met(a, pde >> PAGE_SHIFT))
		why = "a shadow page";
	else if (!switcher_pte_page(pde & PAGE_MASK))
		why = "not the Switcher's page table";
	if (why)
		audit_note(a, true, "pgdir %u: the Switcher's slot (flags %#x) holds %s",
			   n, (u32)(pde & ~PAGE_MASK), why);
}

void audit_shadow_pages(struct lguest *lg)
{
	unsigned int i, most = LGUEST_SHADOW_PGDIRS * (switcher_pgd_idx() + 1);
	struct audit a = { .lg = lg };

	BUILD_BUG_ON(offsetof(struct audit_frame, hpfn));
	if (!shadow_audit)
		return;
	a.frames = kvmalloc_array(lg->npages, sizeof(*a.frames), GFP_KERNEL);
	a.spages = kvmalloc_array(most, sizeof(*a.spages), GFP_KERNEL);
	if (!a.frames || !a.spages) {
		pr_err("lguest: shadow audit of guest %llu: out of memory\n",
		       lg->id);
		goto out;
	}
	/* Once per audit: the Linux guest has some 100000 frames. */
	for (i = 0; i < lg->npages; i++) {
		a.frames[i].hpfn = guest_pfn_to_host(lg, i);
		a.frames[i].gpfn = i;
	}
	sort(a.frames, lg->npages, sizeof(*a.frames), cmp_pfn, NULL);

	for (i = 0; i < LGUEST_SHADOW_PGDIRS; i++)
		if (lg->pgdirs[i].pgdir)
			audit_pgdir(&a, i);
	sort(a.spages, a.nspages, sizeof(*a.spages), cmp_pfn, NULL);
	/* Met twice, a page would be freed twice. */
	for (i = 1; i < a.nspages; i++)
		if (a.spages[i] == a.spages[i - 1])
			audit_note(&a, true, "a shadow page is in two places");
	if (a.nspages != lg->shadow_pages)
		audit_note(&a, true, "%u shadow pages in use, %d allocated",
			   a.nspages, lg->shadow_pages);
	for (i = 0; i < LGUEST_SHADOW_PGDIRS; i++)
		if (lg->pgdirs[i].pgdir)
			audit_switcher_slot(&a, i);
	pr_info("lguest: shadow audit of guest %llu: %u pages, %lu entries, %lu stale, %lu bad\n",
		lg->id, a.nspages, a.entries, a.stale, a.bad);
out:
	kvfree(a.spages);
	kvfree(a.frames);
}
