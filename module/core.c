// SPDX-License-Identifier: GPL-2.0
/*
 * The core of the host module: mapping the Switcher, and one trip through
 * it into the guest and back.
 *
 * The Switcher lives in the top full 4 MiB slot of the vmalloc area, which
 * we reserve whole: the host maps its pages there like any vmalloc pages,
 * and in the guest the slot's page-directory entry points at a page table
 * of the Switcher's own for the CPU the guest runs on.  That page table maps
 * the Switcher's text and this CPU's guest state page, both read-only, and
 * in this CPU's regs slot the running guest's own register page; never the
 * host state page (lg.h).
 */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/nospec.h>
#include <linux/vmalloc.h>
#include <linux/percpu.h>
#include <linux/cpuhotplug.h>
#include <asm/debugreg.h>
#include <asm/desc.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>
#include <asm/mce.h>
#include <asm/msr.h>
#include <asm/perf_event.h>
#include <asm/traps.h>
#include "lg.h"
#define CREATE_TRACE_POINTS
#include "lg_trace.h"

#ifdef CONFIG_X86_PAE
#error "lguest-m012 supports non-PAE hosts only"
#endif

unsigned long switcher_addr;
static struct vm_struct *switcher_area;
static struct page *switcher_pages[SWITCHER_PAGES];
/* Per CPU: the guest-side page table of the Switcher's slot. */
static u32 *switcher_ptes[NR_CPUS];
/* Per CPU: which guest's GDT, IDT and stack the state page holds. */
static DEFINE_PER_CPU(u64, last_guest_id);

/* The far pointer lguest_run_once() calls through. */
static struct {
	u32 offset;
	u16 segment;
} __packed lguest_entry;

/* The hotplug state whose callbacks keep every CPU's GDT ready. */
static int lguest_cpuhp_state;

/* Does the host have a PMU driver, whose state a trip must switch? */
static bool host_pmu;

/*
 * Clear the CPU's buffers before every entry into a guest (MDS and its
 * kin) even where the host kernel does not for its own user space: for
 * measuring what it costs on a CPU that needs it.
 */
static bool verw_always;
module_param(verw_always, bool, 0444);
MODULE_PARM_DESC(verw_always,
		 "clear CPU buffers (verw) before every entry into a guest, even where the host kernel does not");

/*
 * A guest must never see the host's global TLB entries, so every trip
 * drops CR4's PGE on the way in and sets it again on the way home: two
 * whole-TLB flushes a round trip, the host's global entries refilled
 * after each.  lguest in Linux 4.13 chose instead to turn PGE off on every
 * CPU for as long as the module was loaded: the trip's CR4 then changes
 * only what the guest must not have besides, and the host pays elsewhere,
 * with no global kernel entries surviving any of its own context switches.
 * This offers that choice, to measure both (docs/fault-path.md).
 */
static bool pge_off;
module_param(pge_off, bool, 0444);
MODULE_PARM_DESC(pge_off,
		 "turn off global pages on every CPU while lg.ko is loaded, instead of on every world switch");

static struct lguest_pages *lguest_pages(unsigned int cpu)
{
	return (void *)switcher_addr +
	       (SWITCHER_TEXT_PAGES + SWITCHER_CPU_PAGES * cpu) * PAGE_SIZE;
}

/* Page numbers within the Switcher's slot; the state page follows. */
static unsigned int regs_slot(unsigned int cpu)
{
	return SWITCHER_TEXT_PAGES + SWITCHER_CPU_PAGES * cpu;
}

static unsigned long switcher_va(const char *sym)
{
	return switcher_addr + (sym - start_switcher_text);
}

/* Is pa one CPU's Switcher page table?  For the shadow audit. */
bool switcher_pte_page(u32 pa)
{
	unsigned int i;

	for (i = 0; i < nr_cpu_ids; i++)
		if (switcher_ptes[i] && __pa(switcher_ptes[i]) == pa)
			return true;
	return false;
}

static void free_switcher_pages(void)
{
	unsigned int i;

	for (i = 0; i < SWITCHER_PAGES; i++)
		if (switcher_pages[i])
			__free_page(switcher_pages[i]);
	for (i = 0; i < nr_cpu_ids; i++)
		free_page((unsigned long)switcher_ptes[i]);
}

/*
 * The guest's view of the Switcher's slot on this CPU: text and guest
 * state read-only, the regs slot filled in by lguest_run_once(), and
 * nothing else, the host state page least of all.
 */
static void setup_switcher_ptes(unsigned int cpu)
{
	u32 *ptes = switcher_ptes[cpu];
	unsigned int i, state = regs_slot(cpu) + 1;

	for (i = 0; i < SWITCHER_TEXT_PAGES; i++)
		ptes[i] = page_to_pfn(switcher_pages[i]) << PAGE_SHIFT |
			  _PAGE_PRESENT | _PAGE_ACCESSED;
	ptes[state] = page_to_pfn(switcher_pages[state]) << PAGE_SHIFT |
		      _PAGE_PRESENT | _PAGE_ACCESSED;
}

/* What never changes in a CPU's guest state page. */
static void setup_state_page(unsigned int cpu)
{
	struct lguest_pages *pages = lguest_pages(cpu);
	struct lguest_guest_state *s = &pages->state;

	s->guest_gdt_desc.size = sizeof(s->guest_gdt) - 1;
	s->guest_gdt_desc.address = (unsigned long)s->guest_gdt;
	s->guest_idt_desc.size = sizeof(s->guest_idt) - 1;
	s->guest_idt_desc.address = (unsigned long)s->guest_idt;
	/* A trap lands at the top of the regs slot, completing the regs. */
	s->guest_tss.sp0 = (unsigned long)(&pages->regs + 1);
	s->guest_tss.ss0 = LGUEST_GDT_SWITCHER_DS * 8;
	/* An I/O bitmap beyond the limit: no port is the guest's. */
	s->guest_tss.io_bitmap_base = sizeof(s->guest_tss);
	/*
	 * The host clears the CPU's buffers on its way to user space, and KVM
	 * before a guest runs, where the CPU leaks them (MDS, TAA, MMIO stale
	 * data, RFDS): so does the Switcher, with a verw of this selector just
	 * before each iret into the guest.  0: no verw.
	 */
	if (verw_always || cpu_feature_enabled(X86_FEATURE_CLEAR_CPU_BUF) ||
	    cpu_feature_enabled(X86_FEATURE_CLEAR_CPU_BUF_VM))
		s->verw_sel = LGUEST_GDT_SWITCHER_DS * 8;
}

/*
 * The Switcher's text goes into its pages through the linear map, before
 * they are mapped where it runs: there, in the host as in every guest,
 * it is read-only.
 */
static void write_switcher_text(unsigned long text)
{
	unsigned int i;

	for (i = 0; i * PAGE_SIZE < text; i++)
		memcpy(page_address(switcher_pages[i]),
		       start_switcher_text + i * PAGE_SIZE,
		       min(text - i * PAGE_SIZE, PAGE_SIZE));
}

static int __init map_switcher(void)
{
	unsigned long size = SWITCHER_PAGES * PAGE_SIZE, text;
	unsigned int i;

	BUILD_BUG_ON(sizeof(struct lguest_pages) !=
		     SWITCHER_CPU_PAGES * PAGE_SIZE);
	BUILD_BUG_ON(offsetof(struct lguest_pages, host) != 2 * PAGE_SIZE);
	text = end_switcher_text - start_switcher_text;
	if (text > SWITCHER_TEXT_PAGES * PAGE_SIZE) {
		pr_err("lguest: Switcher text is %lu bytes, too big\n", text);
		return -E2BIG;
	}
	for (i = 0; i < SWITCHER_PAGES; i++) {
		switcher_pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!switcher_pages[i])
			goto nomem;
	}
	for (i = 0; i < nr_cpu_ids; i++) {
		switcher_ptes[i] = (u32 *)get_zeroed_page(GFP_KERNEL);
		if (!switcher_ptes[i])
			goto nomem;
	}

	switcher_addr = ALIGN_DOWN(VMALLOC_END - size, SWITCHER_SLOT_SIZE);
	switcher_area = __get_vm_area_caller(size, VM_ALLOC | VM_NO_GUARD,
					     switcher_addr, switcher_addr + size,
					     __builtin_return_address(0));
	if (!switcher_area || (unsigned long)switcher_area->addr != switcher_addr) {
		pr_err("lguest: cannot reserve the Switcher at %#lx\n",
		       switcher_addr);
		if (switcher_area)
			free_vm_area(switcher_area);
		switcher_area = NULL;
		free_switcher_pages();
		return -ENOMEM;
	}
	write_switcher_text(text);
	if (vmap_pages_at(switcher_addr, switcher_pages, SWITCHER_TEXT_PAGES,
			  PAGE_KERNEL_ROX) ||
	    vmap_pages_at(switcher_addr + SWITCHER_TEXT_PAGES * PAGE_SIZE,
			  switcher_pages + SWITCHER_TEXT_PAGES,
			  SWITCHER_PAGES - SWITCHER_TEXT_PAGES, PAGE_KERNEL)) {
		free_vm_area(switcher_area);
		free_switcher_pages();
		return -ENOMEM;
	}

	for (i = 0; i < nr_cpu_ids; i++) {
		setup_switcher_ptes(i);
		setup_state_page(i);
	}
	/*
	 * The Switcher runs on its own code segment, valid in both GDTs: an
	 * NMI's iret reloads %cs from whichever GDT is loaded, and the host's
	 * kernel segment means ring 1 in the guest's.  The far return gives
	 * the host its own back.
	 */
	lguest_entry.offset = switcher_va(switch_to_guest);
	lguest_entry.segment = LGUEST_GDT_SWITCHER_CS * 8;
	pr_info("lguest: Switcher at %#lx-%#lx\n", switcher_addr,
		switcher_addr + size);
	return 0;

nomem:
	free_switcher_pages();
	return -ENOMEM;
}

static void unmap_switcher(void)
{
	/* free_vm_area() unmaps the range too. */
	free_vm_area(switcher_area);
	free_switcher_pages();
}

/* Is this vector the host's own (an interrupt or NMI), not the guest's? */
bool host_vector(unsigned int v)
{
	return v == X86_TRAP_NMI || v == X86_TRAP_MC ||
	       (v >= FIRST_EXTERNAL_VECTOR && v < IDT_ENTRIES &&
		v != IA32_SYSCALL_VECTOR);
}

/*
 * A host interrupt arrived while the guest ran, and the Switcher brought it
 * here with interrupts still off: hand it to the host's own handler with
 * the frame an interrupt gate would have pushed, and it irets back to us.
 */
static void call_host_handler(unsigned int vector)
{
	struct desc_ptr idt;
	unsigned long handler;

	store_idt(&idt);
	handler = gate_offset((gate_desc *)idt.address + vector);
	asm volatile("pushfl; pushl %%cs; call *%0"
		     : : "r"(handler) : "memory", "cc");
}

/*
 * The Switcher's own work, learned at an exit: one event for each piece,
 * so that perf counts what the counters count (lg_trace.h).
 */
#define trace_switcher_work(event, n, lg)				\
	do {								\
		unsigned long __i;					\
									\
		if (event##_enabled())					\
			for (__i = 0; __i < (n); __i++)			\
				event((lg)->regs->trapnum);		\
	} while (0)

#ifdef LGUEST_FASTPATH
/*
 * What the M:012 walker (switcher_fastpath.S) needs: the IDT routes page
 * faults to it, and the state page describes the guest.  It reflects only
 * for a guest that promised its linear map (LGUEST_INIT_LINEAR_MAP) and
 * registered everything a reflection touches.
 */
static void fastpath_setup(struct lguest *lg, struct lguest_guest_state *s)
{
	const gate_desc *pf = &lg->idt[X86_TRAP_PF];

	set_switcher_gate(&s->guest_idt[X86_TRAP_PF],
			  switcher_va(switcher_fastpath_pf), 0);
	s->fp_enabled = lg->lguest_data && pf->bits.p && lg->ss1 &&
			(lg->init_flags & LGUEST_INIT_LINEAR_MAP);
	s->fp_mem_size = lg->mem_size;
	s->fp_switcher_addr = switcher_addr;
	s->fp_handler = gate_offset(pf);
	s->fp_gate_trap = pf->bits.type == 0xF;
	s->fp_lguest_data_va = lg->lguest_data + LGUEST_PAGE_OFFSET;
}

/*
 * After an exit: count what the walker reflected while the guest ran
 * (%dr1, out of the guest's reach), and for a page fault take the original
 * cr2 and the reason it came to us from fp_exit (lg.h): our own cr2 may
 * name a fault of the walk.
 */
static void fastpath_exit(struct lguest *lg)
{
	const struct lguest_fp_exit *fp = (void *)lg->regs_page;
	unsigned long reflected;

	get_debugreg(reflected, SWITCHER_DR_REFLECTED);
	lg->counters.fastpath_reflected += reflected;
	trace_switcher_work(trace_lguest_fastpath_reflect, reflected, lg);
	if (lg->regs->trapnum == X86_TRAP_PF) {
		lg->cr2 = fp->cr2;
		if (fp->reason < LGUEST_FASTPATH_REASONS) {
			lg->counters.fastpath_fallback[array_index_nospec(fp->reason,
						LGUEST_FASTPATH_REASONS)]++;
			trace_lguest_fastpath_fallback(fp->reason, fp->cr2);
		}
	}
}
#endif

/*
 * Fill this CPU's state pages for this guest: the host half every time,
 * the guest half only when the guest changed it or another guest ran here.
 */
static void copy_in_guest_info(struct lguest *lg, struct lguest_pages *pages,
			       u64 id)
{
	struct lguest_guest_state *s = &pages->state;
	struct lguest_host_state *h = &pages->host;
	unsigned long cr4 = native_read_cr4();

	h->host_cr4 = cr4;
	/*
	 * The guest runs without PGE (no global entries may outlive a switch),
	 * SMAP (its ring-1 kernel reaches its own user pages without stac) or
	 * SMEP (which would add an instruction-fetch bit to page-fault error
	 * codes that the guest's own 32-bit paging never sets) or UMIP (which
	 * makes sgdt and sidt fault at ring 1, where a guest kernel reads its
	 * own tables with them: Linux's instruction decoder does; what they
	 * show is the Switcher's copies in a slot the guest sees anyway).
	 */
	h->guest_cr4 = cr4 & ~(X86_CR4_PGE | X86_CR4_SMAP | X86_CR4_SMEP |
			       X86_CR4_UMIP);
	h->guest_cr3 = __pa(shadow_pgdir(lg));
	native_store_gdt(&h->host_gdt_desc);
	store_idt(&h->host_idt_desc);

#ifdef LGUEST_FASTPATH
	s->fp_gpgdir_va = lg->pgdirs[lg->cur_pgdir].gpgdir + LGUEST_PAGE_OFFSET;
#endif
#ifdef LGUEST_EXITLESS
	h->ex_frames = (unsigned long)lg->host_pfns;
	h->ex_npages = lg->host_pfns ? lg->npages : 0;
	h->ex_fills = 0;
	h->ex_set_ptes = 0;
#endif
	if (__this_cpu_read(last_guest_id) == id && lg->last_pages == pages &&
	    !lg->changed)
		return;
	copy_gdt(lg, s->guest_gdt);
	set_tssldt_descriptor(&s->guest_gdt[LGUEST_GDT_TSS],
			      (unsigned long)&s->guest_tss, DESC_TSS,
			      sizeof(s->guest_tss) - 1);
	copy_idt(lg, s->guest_idt, switcher_va(switcher_idt_stubs));
	set_switcher_gate(&s->guest_idt[X86_TRAP_NMI],
			  switcher_va(switcher_nmi), 0);
	set_switcher_gate(&s->guest_idt[X86_TRAP_MC],
			  switcher_va(switcher_mce), 0);
	s->guest_tss.ss1 = lg->ss1;
	s->guest_tss.sp1 = lg->esp1;
#ifdef LGUEST_FASTPATH
	fastpath_setup(lg, s);
#endif
#ifdef LGUEST_EXITLESS
	/* Hypercalls meet the Switcher's LHCALL_SET_PTE first. */
	set_switcher_gate(&s->guest_idt[LGUEST_TRAP_ENTRY],
			  switcher_va(switcher_exitless_hcall), 1);
#endif
	lg->last_pages = pages;
	lg->changed = false;
	__this_cpu_write(last_guest_id, id);
}

/*
 * What the host's PMU and branch tracing must not do while the guest runs.
 * PEBS and BTS write their records by linear address into the host's debug
 * store, which the guest's page tables do not map (or map to whatever the
 * guest likes), and LBR and BTF would trace the guest for the host.  perf
 * says which of its MSRs a guest must run with (perf_guest_get_msrs(), as
 * KVM asks it at every VM entry); DEBUGCTL is off for the trip.  Each MSR
 * is written only where the guest's value differs from the host's, so a
 * host that is not profiling pays one MSR read a trip (DEBUGCTL's) and no
 * write.
 */
struct pmu_trip {
	struct perf_guest_switch_msr *msrs;
	int nr;
	u64 debugctl;
};

static void pmu_enter_guest(struct pmu_trip *t)
{
	int i;

	t->nr = 0;
	if (host_pmu)
		t->msrs = perf_guest_get_msrs(&t->nr, NULL);
	for (i = 0; i < t->nr; i++)
		if (t->msrs[i].host != t->msrs[i].guest)
			wrmsrl(t->msrs[i].msr, t->msrs[i].guest);
	t->debugctl = get_debugctlmsr();
	if (t->debugctl)
		update_debugctlmsr(0);
}

static void pmu_leave_guest(const struct pmu_trip *t)
{
	int i;

	if (t->debugctl)
		update_debugctlmsr(t->debugctl);
	for (i = 0; i < t->nr; i++)
		if (t->msrs[i].host != t->msrs[i].guest)
			wrmsrl(t->msrs[i].msr, t->msrs[i].host);
}

/*
 * Give one of the Switcher's debug registers (lg.h) the value a trip
 * starts from.  A write to a debug register serializes the CPU and a read
 * does not, and between two trips of one guest the registers almost
 * always still hold what the last trip needs: its host cr3, and notes
 * that stayed zero.  But the host may have put breakpoints there in
 * between (hw_breakpoint_restore(), a task's ptrace or perf breakpoints
 * after a context switch), so we look every time, and write only what
 * differs.
 */
static __always_inline void switcher_dr_load(int reg, unsigned long value)
{
	unsigned long now;

	get_debugreg(now, reg);
	if (now != value)
		set_debugreg(value, reg);
}

/*
 * The trip itself.  Around it: the Switcher's debug registers (lg.h), the
 * host's breakpoints off while they are ours; the PMU's linear-address
 * writers off; sysenter disarmed; and the launcher's LDT, which the
 * Switcher drops for the guest, restored after.  Returns where an NMI hit
 * the Switcher on the way (the last one, if several did), or 0, and in
 * *mce where a machine check it could return from did (0: none).
 */
static unsigned long switcher_trip(struct lguest_pages *pages,
				   unsigned long *mce)
{
	bool breakpoints = hw_breakpoint_active();
	struct pmu_trip pmu;
	unsigned long nmi;
	u16 ldt;

	pmu_enter_guest(&pmu);
	if (breakpoints)
		set_debugreg(0, 7);
	switcher_dr_load(SWITCHER_DR_HOST_CR3, __read_cr3());
	switcher_dr_load(SWITCHER_DR_REFLECTED, 0);
	switcher_dr_load(SWITCHER_DR_NMI, 0);
	switcher_dr_load(SWITCHER_DR_MCE, 0);

	/*
	 * No LDT in the guest's world.  If the register holds the launcher's,
	 * whose base is a host address, read through the guest's page tables
	 * it would be whatever page the guest put there, call gates into our
	 * ring-0 segment included: so it goes for the trip and comes back
	 * after it, here in one place.  Most launchers have none, and a load
	 * serializes the CPU where a look does not: only then.
	 */
	asm volatile("sldt %0" : "=rm"(ldt));
	if (ldt)
		asm volatile("lldt %w0" : : "r"(0));

	/*
	 * sysenter from guest user space would enter the host's kernel on
	 * the guest's page tables: with SYSENTER_CS zero it faults (#GP)
	 * instead, and the guest handles that.  The host's own value need
	 * not be read back from the MSR: Linux keeps it in this CPU's TSS
	 * (ss1, which a 32-bit kernel never uses as a stack selector), and
	 * a context switch, which alone changes it, cannot come mid-trip.
	 */
	wrmsr(MSR_IA32_SYSENTER_CS, 0, 0);
	asm volatile("pushfl; lcall *%1; popfl"
		     : "+a"(pages)
		     : "m"(lguest_entry)
		     : "memory", "cc", "ebx", "ecx", "edx", "esi", "edi");
	wrmsr(MSR_IA32_SYSENTER_CS, this_cpu_read(cpu_tss_rw.x86_tss.ss1), 0);

	if (ldt)
		asm volatile("lldt %0" : : "rm"(ldt));
	get_debugreg(nmi, SWITCHER_DR_NMI);
	get_debugreg(*mce, SWITCHER_DR_MCE);
	pmu_leave_guest(&pmu);
	return nmi;
}

/*
 * A machine check taken while the guest ran, at ring 1 or 3: the host's
 * handler hears of it as one taken in user space, as KVM tells it of one
 * taken in a guest.  Only the task that ran the guest can have used what
 * failed, so a recoverable error costs that task (SIGBUS), never the host,
 * as it would were the interrupted code the host's own kernel.
 */
static void guest_machine_check(const struct lguest_regs *r)
{
	struct pt_regs regs = {
		.ip = r->eip,
		.cs = __USER_CS,
		.flags = X86_EFLAGS_IF,
	};

	if (IS_ENABLED(CONFIG_X86_MCE))
		do_machine_check(&regs);
}

/*
 * The CPU refused what the Switcher loaded on the way into the guest (the
 * registers are the guest's to choose, its descriptors too), or a machine
 * check it could not return from hit the Switcher: the guest's registers
 * are lost, and so is the guest.  A machine check is the host's business
 * first: its handler runs, as for one taken in its own kernel.
 */
static void switcher_fault(struct lguest *lg)
{
	const struct lguest_regs *r = lg->regs;
	unsigned int v = r->trapnum & ~LGUEST_SWITCHER_EXIT;

	if (v == X86_TRAP_MC) {
		call_host_handler(X86_TRAP_MC);
		kill_guest(lg, "machine check in the Switcher, at Switcher+%#lx",
			   r->eip - switcher_addr);
	} else if (r->trapnum & LGUEST_SWITCHER_VM86)
		kill_guest(lg, "trap %u from virtual-8086 mode at eip %#x", v,
			   r->eip);
	else
		kill_guest(lg, "the CPU refused the guest's state: trap %u, error code %#x, at Switcher+%#lx",
			   v, r->errcode, r->eip - switcher_addr);
}

/*
 * One trip into the guest and back, with interrupts off.  Afterwards
 * lg->regs says why the guest stopped.  Returns false, with no trip, if
 * an interrupt was raised since the run loop last looked for one to
 * deliver: it looks again first (raise_guest_irq()).
 */
bool lguest_run_once(struct lguest *lg)
{
	unsigned int cpu = smp_processor_id();
	struct lguest_pages *pages = lguest_pages(cpu);
	u32 *spgdir = shadow_pgdir(lg);
	unsigned long mce;
	unsigned int trap;
	unsigned long nmi;

	WRITE_ONCE(lg->running_cpu, cpu);
	/* Pairs with raise_guest_irq()'s: the CPU out, then the count in. */
	smp_mb();
	if (atomic_read(&lg->irqs_raised) != lg->irqs_seen) {
		WRITE_ONCE(lg->running_cpu, -1);
		return false;
	}

	switcher_ptes[cpu][regs_slot(cpu)] = __pa(lg->regs_page) |
		_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY;
	spgdir[switcher_addr >> 22] = __pa(switcher_ptes[cpu]) |
		_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
	copy_in_guest_info(lg, pages, lg->id);
	/* A fault of the Switcher's before it reaches the guest lands here. */
	pages->regs.trapnum = 0;

	nmi = switcher_trip(pages, &mce);
	WRITE_ONCE(lg->running_cpu, -1);
	if (pages->regs.trapnum & LGUEST_SWITCHER_EXIT)
		*lg->regs = pages->regs;
	trap = lg->regs->trapnum;
	if (trap == X86_TRAP_PF)
		lg->cr2 = read_cr2();
	/*
	 * A #DB of the guest's left its bits in DR6 (single-step, and B0-B3
	 * for any of our notes in %dr0-%dr3 its address matched): the host's
	 * next #DB would take them for its own.
	 */
	if (trap == X86_TRAP_DB)
		set_debugreg(DR6_RESERVED, 6);
#ifdef LGUEST_FASTPATH
	fastpath_exit(lg);
#endif
#ifdef LGUEST_EXITLESS
	/* What the Switcher did without us, counted where the guest cannot. */
	lg->counters.exitless_fills += pages->host.ex_fills;
	lg->counters.exitless_set_ptes += pages->host.ex_set_ptes;
	trace_switcher_work(trace_lguest_exitless_fill, pages->host.ex_fills, lg);
	trace_switcher_work(trace_lguest_exitless_set_pte,
			    pages->host.ex_set_ptes, lg);
#endif
	if (hw_breakpoint_active())
		hw_breakpoint_restore();
	lg->counters.world_switches += 2;
	trace_lguest_exit(trap, lg->regs->errcode, lg->regs->eip);

	if (trap & LGUEST_SWITCHER_EXIT)
		switcher_fault(lg);
	else if (trap == X86_TRAP_MC)
		guest_machine_check(lg->regs);
	else if (host_vector(trap))
		call_host_handler(trap);
	if (nmi) {
		trace_lguest_switcher_nmi(nmi - switcher_addr);
		call_host_handler(X86_TRAP_NMI);
	}
	/* One that hit the Switcher hit the host's own kernel code. */
	if (mce)
		call_host_handler(X86_TRAP_MC);
	return true;
}

static bool has_error_code(unsigned int v)
{
	return v == X86_TRAP_DF || (v >= X86_TRAP_TS && v <= X86_TRAP_PF) ||
	       v == X86_TRAP_AC;
}

/* After a trip: deal with whatever stopped the guest. */
void lguest_handle_exit(struct lguest *lg)
{
	unsigned int v = lg->regs->trapnum;
	u32 cr2 = lg->cr2;

	if (v < 32)
		lg->counters.exits_trap[v]++;
	if (v >= IDT_ENTRIES) {
		/* The stubs push 0-255: anything else is a frame we misread. */
		kill_guest(lg, "exit with trap number %#x", v);
	} else if (v == LGUEST_TRAP_ENTRY) {
		lg->hcall_pending = true;
	} else if (host_vector(v)) {
		lg->counters.exits_irq++;
	} else if (v == X86_TRAP_PF) {
		/* The host's fault (the shadow) or the guest's? */
		if (demand_page(lg, cr2, &lg->regs->errcode)) {
			if (!lg->dead) {
				lg->counters.faults_fixed++;
				trace_lguest_host_fix(cr2, lg->regs->errcode);
			}
			return;
		}
		if (!lg->lguest_data) {
			kill_guest(lg, "page fault at %#x before LHCALL_GUEST_INIT",
				   cr2);
			return;
		}
		write_guest(lg, lg->lguest_data + offsetof(struct lguest_data, cr2),
			    &cr2, sizeof(cr2));
		if (deliver_trap(lg, v, true)) {
			lg->counters.faults_reflected++;
			trace_lguest_host_reflect(v, lg->regs->errcode);
		}
	} else {
		if (v >= 32)
			lg->counters.exits_other++;
		if (deliver_trap(lg, v, has_error_code(v)) && v < 32) {
			lg->counters.traps_delivered++;
			trace_lguest_host_reflect(v, lg->regs->errcode);
		}
	}
}

/*
 * Ready this CPU for guests, or stop: the Switcher's segments go into (or
 * out of) its GDT, in slots the host never uses (see switch_to_guest for
 * why; the 32-bit GDT is writable, at the address the CPU itself uses),
 * and with pge_off its global pages go off (or back on).  A CPU that comes
 * online later is readied too: hotplug runs these on the CPU concerned.
 */
static int host_cpu_online(unsigned int cpu)
{
	struct desc_ptr gdt;
	u64 efer;

	/*
	 * With EFER.SCE set, a syscall from guest user space would enter
	 * ring 0 wherever STAR points, on the guest's page tables.  A 32-bit
	 * host never sets it (only 64-bit kernels use syscall); refuse a CPU
	 * where something did.
	 */
	if (!rdmsrl_safe(MSR_EFER, &efer) && (efer & EFER_SCE)) {
		pr_err("lguest: EFER.SCE is set on CPU %u: a guest's syscall would reach ring 0\n",
		       cpu);
		return -EPERM;
	}
	native_store_gdt(&gdt);
	set_switcher_segments((struct desc_struct *)gdt.address);
	if (pge_off)
		cr4_clear_bits(X86_CR4_PGE);
	return 0;
}

static int host_cpu_offline(unsigned int cpu)
{
	struct desc_ptr gdt;
	struct desc_struct *d;

	if (pge_off && boot_cpu_has(X86_FEATURE_PGE))
		cr4_set_bits(X86_CR4_PGE);
	native_store_gdt(&gdt);
	d = (struct desc_struct *)gdt.address;
	memset(&d[LGUEST_GDT_SWITCHER_CS], 0, sizeof(*d));
	memset(&d[LGUEST_GDT_SWITCHER_DS], 0, sizeof(*d));
	return 0;
}

static int __init lguest_init(void)
{
	struct x86_pmu_capability pmu;
	int err;

	perf_get_x86_pmu_capability(&pmu);
	host_pmu = pmu.num_counters_gp > 0;
	err = map_switcher();
	if (err)
		return err;
	err = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "x86/lguest:online",
				host_cpu_online, host_cpu_offline);
	if (err < 0)
		goto unmap;
	lguest_cpuhp_state = err;
	err = lguest_device_init();
	if (!err)
		return 0;
	cpuhp_remove_state(lguest_cpuhp_state);
unmap:
	unmap_switcher();
	return err;
}

static void __exit lguest_exit(void)
{
	lguest_device_exit();
	cpuhp_remove_state(lguest_cpuhp_state);
	unmap_switcher();
}

module_init(lguest_init);
module_exit(lguest_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("lguest host: a small paravirtual hypervisor for 32-bit x86");
