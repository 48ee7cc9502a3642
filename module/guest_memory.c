// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-physical memory.
 *
 * The guest's memory is an ordinary mapping in the launcher.  We pin every
 * page of it for the guest's lifetime (FOLL_LONGTERM), which buys two
 * things: a shadow page table entry can point at the page with no fear of
 * it moving, and the host can reach any guest-physical address through the
 * page array without faulting.  Every address a guest hands us passes
 * through gpa_ok() first: the guest cannot make us touch anything else.
 */
#include <linux/mm.h>
#include <linux/nospec.h>
#include <linux/sched/mm.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "lg.h"

/*
 * Pinned pages are as locked as mlock()ed ones, so they count against the
 * launcher's RLIMIT_MEMLOCK the same way, failing the same way (-ENOMEM);
 * CAP_IPC_LOCK lifts the limit, as for mlock().
 */
#ifdef LGUEST_EXITLESS
/*
 * The exitless Switcher's frame table (lg.h).  Without one it fills
 * nothing and every fault goes to the host, as in the fastpath build: so
 * a failed allocation costs speed, not the guest.
 */
static void make_frame_table(struct lguest *lg)
{
	unsigned int i;

	lg->host_pfns = kmalloc_array(lg->npages, sizeof(u32),
				      GFP_KERNEL | __GFP_NOWARN);
	if (!lg->host_pfns) {
		pr_info("lguest: no frame table for a guest of %u pages: the Switcher will fill nothing\n",
			lg->npages);
		return;
	}
	for (i = 0; i < lg->npages; i++)
		lg->host_pfns[i] = page_to_pfn(lg->pages[i]);
}
#else
static void make_frame_table(struct lguest *lg)
{
}
#endif

int pin_guest_memory(struct lguest *lg)
{
	int got, err;

	err = account_locked_vm(current->mm, lg->npages, true);
	if (err)
		return err;
	lg->pages = kvcalloc(lg->npages, sizeof(*lg->pages), GFP_KERNEL);
	if (!lg->pages) {
		err = -ENOMEM;
		goto uncharge;
	}
	got = pin_user_pages_fast(lg->mem_base, lg->npages,
				  FOLL_WRITE | FOLL_LONGTERM, lg->pages);
	if (got == lg->npages) {
		/* Whoever closes the file last, the charge comes off here. */
		mmgrab(current->mm);
		lg->mm = current->mm;
		make_frame_table(lg);
		return 0;
	}
	if (got > 0)
		unpin_user_pages(lg->pages, got);
	err = got < 0 ? got : -EFAULT;
	kvfree(lg->pages);
	lg->pages = NULL;
uncharge:
	account_locked_vm(current->mm, lg->npages, false);
	return err;
}

void unpin_guest_memory(struct lguest *lg)
{
	if (!lg->pages)
		return;
	/* The guest may have written anywhere: tell the page cache. */
	unpin_user_pages_dirty_lock(lg->pages, lg->npages, true);
	kvfree(lg->pages);
	lg->pages = NULL;
	kfree(lg->host_pfns);
	lg->host_pfns = NULL;
	account_locked_vm(lg->mm, lg->npages, false);
	mmdrop(lg->mm);
	lg->mm = NULL;
}

/* Is [gpa, gpa + len) inside guest memory?  Written to avoid overflow. */
bool gpa_ok(struct lguest *lg, u32 gpa, u32 len)
{
	return gpa < lg->mem_size && len <= lg->mem_size - gpa;
}

/*
 * Callers have checked gpfn against the guest's memory; under speculation
 * past that check, frame 0 stands in (Spectre v1: the index is the
 * guest's).
 */
u32 guest_pfn_to_host(struct lguest *lg, u32 gpfn)
{
	return page_to_pfn(lg->pages[array_index_nospec(gpfn, lg->npages)]);
}

/* Copy between a buffer and guest memory, a page at a time. */
static int copy_guest(struct lguest *lg, u32 gpa, void *buf, u32 len,
		      bool to_guest)
{
	if (!gpa_ok(lg, gpa, len))
		return -EFAULT;
	while (len) {
		u32 off = gpa & ~PAGE_MASK;
		u32 n = min_t(u32, len, PAGE_SIZE - off);
		u32 gpfn = array_index_nospec(gpa >> PAGE_SHIFT, lg->npages);
		char *p = kmap_local_page(lg->pages[gpfn]);

		if (to_guest)
			memcpy(p + off, buf, n);
		else
			memcpy(buf, p + off, n);
		kunmap_local(p);
		gpa += n;
		buf += n;
		len -= n;
	}
	return 0;
}

int read_guest(struct lguest *lg, u32 gpa, void *buf, u32 len)
{
	return copy_guest(lg, gpa, buf, len, false);
}

int write_guest(struct lguest *lg, u32 gpa, const void *buf, u32 len)
{
	return copy_guest(lg, gpa, (void *)buf, len, true);
}
