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
#include <linux/mm.h>
#include <linux/gfp.h>
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
 * memory, or a large page (we hide PSE from the guest), kills the guest.
 */
static enum walk_result walk_guest(struct lguest *lg, u32 gpgdir, u32 vaddr,
				   struct guest_walk *w)
{
	if (vaddr >= switcher_addr)
		return WALK_NOT_PRESENT;
	w->pde_gpa = gpgdir + pgd_idx(vaddr) * sizeof(u32);
	if (read_guest(lg, w->pde_gpa, &w->pde, sizeof(u32)))
		goto out_of_range;
	if (!(w->pde & _PAGE_PRESENT))
		return WALK_NOT_PRESENT;
	if (w->pde & _PAGE_PSE) {
		kill_guest(lg, "bad page table: large page at %#x", vaddr);
		return WALK_BROKEN;
	}
	w->pte_gpa = (w->pde & PAGE_MASK) + pte_idx(vaddr) * sizeof(u32);
	if (read_guest(lg, w->pte_gpa, &w->pte, sizeof(u32)))
		goto out_of_range;
	if (!(w->pte & _PAGE_PRESENT))
		return WALK_NOT_PRESENT;
	if ((w->pte >> PAGE_SHIFT) >= lg->npages) {
		kill_guest(lg, "bad page table: PTE %#x for %#x is out of range",
			   w->pte, vaddr);
		return WALK_BROKEN;
	}
	return WALK_PRESENT;

out_of_range:
	kill_guest(lg, "bad page table: entry for %#x is out of range (PDE %#x)",
		   vaddr, w->pde);
	return WALK_BROKEN;
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
 * write faults to us and we can set the dirty bit.
 */
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
	/* Permissive: the restrictions live in the shadow PTEs. */
	spgdir[idx] = __pa(page) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER |
		      _PAGE_ACCESSED;
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

bool demand_page(struct lguest *lg, u32 vaddr, u32 *errcode)
{
	struct guest_walk w;
	u32 *ptes;

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
	mark_accessed(lg, &w, *errcode & X86_PF_WRITE);
	ptes = shadow_pte_page(lg, shadow_pgdir(lg), pgd_idx(vaddr), true);
	if (ptes)
		ptes[pte_idx(vaddr)] = shadow_pte(lg, w.pde, w.pte);
	return true;
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
