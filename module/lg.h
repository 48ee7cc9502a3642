/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lg.h: the host module's own view of a guest.
 *
 * One open /dev/lguest is one guest with one virtual CPU.  Its memory is the
 * launcher's, pinned for the guest's lifetime; its registers live in a page
 * of their own, which the Switcher maps into the guest at the running CPU's
 * "regs" slot, so a trap frame lands straight in struct lguest_regs.
 */
#ifndef _LG_H
#define _LG_H

#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/hrtimer.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <asm/desc_defs.h>
#include <asm/processor.h>
#include "uapi/lguest.h"

/*
 * The Switcher's address range, the same in the host and in every guest:
 * SWITCHER_TEXT_PAGES of code, then three pages per possible host CPU
 * (struct lguest_pages).  It lies in a 4 MiB page-directory slot of its
 * own, so every shadow page directory can point that slot at a page table
 * belonging to the Switcher.
 *
 * Ring 1 is "supervisor" to the paging hardware: whatever the guest's
 * page tables show of the slot, the guest kernel can read, and what is
 * writable it can write.  So each CPU's three pages are cut by who may
 * touch them (docs/security.md has the whole map):
 *  - the regs page: the guest's own registers, read-write to the guest;
 *  - the guest state page: what the CPU needs to run the guest (its GDT,
 *    IDT and TSS) and what the fastpath reads, read-only to the guest and
 *    holding nothing of the host's;
 *  - the host state page: what the Switcher needs to go home.  It is not
 *    in the guest's page tables at all.
 */
#define SWITCHER_TEXT_PAGES	2
#define SWITCHER_CPU_PAGES	3
#define SWITCHER_PAGES		(SWITCHER_TEXT_PAGES + SWITCHER_CPU_PAGES * NR_CPUS)
#define SWITCHER_SLOT_SIZE	(1UL << 22)

extern unsigned long switcher_addr;

/*
 * The guest's world, as the Switcher builds it: the guest can read this
 * page but not write it.  Filled when the guest changed its GDT, IDT or
 * stack, or another guest ran on this CPU since.
 */
struct lguest_guest_state {
	struct desc_ptr guest_gdt_desc;
	struct desc_ptr guest_idt_desc;
	struct x86_hw_tss guest_tss;
	struct desc_struct guest_gdt[LGUEST_GDT_ENTRIES];
	gate_desc guest_idt[IDT_ENTRIES];

	/*
	 * The M:012 fastpath's view of the guest (zero in the baseline
	 * build): the guest's own values, and the Switcher's address, which
	 * the guest is told anyway.  Guest memory is reached through the
	 * guest kernel's linear map: guest-physical p at virtual
	 * LGUEST_PAGE_OFFSET + p.
	 */
	u32 fp_enabled;		/* lguest_data, #PF handler and stack are set */
	u32 fp_gpgdir_va;	/* the guest's page directory */
	u32 fp_mem_size;	/* page tables must lie below this gpa */
	u32 fp_switcher_addr;	/* nothing at or above is the guest's */
	u32 fp_handler;		/* the guest's #PF handler */
	u32 fp_gate_trap;	/* 1: trap gate, the virtual IF stays */
	u32 fp_lguest_data_va;	/* struct lguest_data */

	/*
	 * The selector the Switcher's verw names before each iret into the
	 * guest, clearing the CPU's buffers; 0 where the host does not clear
	 * them (core.c).
	 */
	u32 verw_sel;
};

/*
 * The host's side of a world switch, in a page the guest's page tables do
 * not map: the Switcher reads it only while the host's page tables are
 * loaded.  The way home starts with the host's cr3, which the Switcher
 * finds in %dr0 (see SWITCHER_DR_HOST_CR3).
 */
struct lguest_host_state {
	u32 host_cr4;
	u32 host_sp;
	struct desc_ptr host_gdt_desc;
	struct desc_ptr host_idt_desc;
	u32 guest_cr3;		/* a host frame: the shadow page directory */
	u32 guest_cr4;		/* the host's CR4, less what the guest must not have */

	/*
	 * The exitless build's view of the guest (zero otherwise), which the
	 * Switcher reads after loading the host's cr3 for a moment
	 * (switcher_exitless.S): the guest's frame table, and what the
	 * Switcher did there during this trip.
	 */
	u32 ex_frames;		/* host VA of u32[ex_npages]: gpfn -> host pfn */
	u32 ex_npages;		/* 0: no frame table, fill nothing */
	u32 ex_fills;		/* shadow entries filled this trip */
	u32 ex_set_ptes;	/* LHCALL_SET_PTEs answered this trip */
};

/*
 * The Switcher's own registers while a guest runs.  The debug registers
 * are the one place ring 0 can keep state that ring 1 can neither read nor
 * write (mov to or from %drN faults outside ring 0); with %dr7 clear they
 * set no breakpoints.  lguest_run_once() loads them before the trip and
 * reads them after, then gives the host back its own.
 */
#define SWITCHER_DR_HOST_CR3	0	/* where the way home begins */
#define SWITCHER_DR_REFLECTED	1	/* faults the fastpath reflected */
#define SWITCHER_DR_NMI		2	/* where an NMI hit the Switcher, or 0 */
#define SWITCHER_DR_MCE		3	/* where a machine check hit it, or 0 */

/*
 * What the fastpath tells the host about the page fault it hands over, at
 * the bottom of the regs page.  The guest can write there while it runs,
 * but the Switcher writes both fields after the guest's last instruction
 * and before every page-fault exit, and the host reads them only after
 * such an exit, before the guest runs again: like the registers beside
 * them, they are the exit's, not the guest's.  The reason is bounds-checked
 * all the same.
 */
struct lguest_fp_exit {
	u32 reason;		/* why the fault went to the host */
	u32 cr2;		/* the address of that fault */
};

/*
 * How the Switcher reports a fault of its own (ring 0): the CPU refused
 * the guest's state on the way in, say an iret to a code segment whose
 * limit the guest shrank.  regs.trapnum becomes this flag plus the vector,
 * regs.errcode the error code and regs.eip the Switcher's own eip; the
 * rest of the registers are lost, and the host kills the guest.
 */
#define LGUEST_SWITCHER_FAULT	0x100
/*
 * The same record, for a trap from virtual-8086 mode, whose frame is not
 * the shape of struct lguest_regs: eip is the guest's.  Ring 1 cannot get
 * there on a CPU, but under QEMU's TCG an iret can.
 */
#define LGUEST_SWITCHER_VM86	0x200
#define LGUEST_SWITCHER_EXIT	(LGUEST_SWITCHER_FAULT | LGUEST_SWITCHER_VM86)

/* One CPU's three Switcher pages. */
struct lguest_pages {
	/* Page one: the CPU pushes the trap frame at its very end. */
	struct lguest_fp_exit fp_exit;
	char spare[PAGE_SIZE - sizeof(struct lguest_fp_exit) -
		   sizeof(struct lguest_regs)];
	struct lguest_regs regs;
	/* Page two: read-only to the guest. */
	struct lguest_guest_state state __aligned(PAGE_SIZE);
	/* Page three: not in the guest's page tables. */
	struct lguest_host_state host __aligned(PAGE_SIZE);
} __aligned(PAGE_SIZE);

/* A shadow page directory, and the guest page directory it shadows. */
struct lguest_pgdir {
	u32 gpgdir;		/* guest-physical; 0 with pgdir NULL = unused */
	u32 *pgdir;		/* the shadow, a host page */
};
#define LGUEST_SHADOW_PGDIRS	4

struct lguest {
	struct mutex lock;	/* one ioctl at a time, but LGUEST_IOC_IRQ */
	bool initialized;	/* IOC_IRQ reads it unlocked */
	u64 id;			/* unique for the module's lifetime */

	/* Guest memory: launcher addresses [mem_base, mem_base + mem_size). */
	unsigned long mem_base;
	u32 mem_size;
	unsigned int npages;
	struct page **pages;
	struct mm_struct *mm;		/* charged for them (RLIMIT_MEMLOCK) */
	/*
	 * The exitless build's frame table: pages[] as host frame numbers, in
	 * the host's linear map (kmalloc, never vmalloc: the Switcher reads it
	 * on the launcher's page tables, which need not map vmalloc space).
	 * NULL in the other builds, or if it could not be had.
	 */
	u32 *host_pfns;

	/* The virtual CPU. */
	struct lguest_regs *regs;	/* at the end of regs_page */
	unsigned long regs_page;
	struct lguest_pages *last_pages;	/* where we last ran */
	bool changed;			/* GDT, IDT or stack changed since */
	u32 cr2;			/* of the last page fault */
	struct desc_struct gdt[LGUEST_GDT_ENTRIES];
	gate_desc idt[IDT_ENTRIES];	/* as the guest asked for them */
	u32 ss1, esp1;			/* the guest kernel's stack */
	/*
	 * The CPU's int $0x80 gate leads straight to the guest's handler
	 * (interrupts.c: update_syscall_gate()), not to the Switcher.
	 */
	bool syscall_direct;
	u32 lguest_data;		/* gpa of struct lguest_data, 0 until set */
	u32 init_flags;			/* LGUEST_INIT_*, from LHCALL_GUEST_INIT */

	/* Shadow paging. */
	struct lguest_pgdir pgdirs[LGUEST_SHADOW_PGDIRS];
	unsigned int cur_pgdir;
	unsigned int next_evict;
	int shadow_pages;		/* allocated, for the leak check */

	/* Interrupts. */
	DECLARE_BITMAP(irqs_pending, LGUEST_IRQS);
	struct hrtimer timer;
	bool halted;
	/*
	 * A halted run loop sleeps here.  The timer and LGUEST_IOC_IRQ wake
	 * it by the guest, not by a task: the task that ran the guest last
	 * may be long gone, while this lives as long as the file.
	 */
	wait_queue_head_t irq_wait;
	/*
	 * A running guest is kicked instead: the host CPU it runs on (-1 while
	 * it does not), which an interrupt raised elsewhere sends a reschedule
	 * IPI, so the guest exits and takes it now rather than at that CPU's
	 * next host interrupt.  irqs_raised counts the raises, and irqs_seen
	 * is the count the run loop saw before it last looked for interrupts
	 * to deliver: a raise between that look and the trip, which no kick
	 * can reach, is caught by lguest_run_once() instead (interrupts.c).
	 */
	int running_cpu;
	atomic_t irqs_raised;
	int irqs_seen;

	/* Hypercalls. */
	bool hcall_pending;		/* the last exit was int $LGUEST_TRAP_ENTRY */
	unsigned int next_hcall;	/* async ring position */
	unsigned int full_ring_exits;

	/* Why the launcher must act next; reason 0 when it need not. */
	struct lguest_exit *exit;
	bool dead;

	struct lguest_counters counters;
	struct dentry *debugfs;
};

/* core.c */
bool lguest_run_once(struct lguest *lg);
void lguest_handle_exit(struct lguest *lg);
bool host_vector(unsigned int v);
bool switcher_pte_page(u32 pa);

/* lguest_user.c */
int lguest_device_init(void);
void lguest_device_exit(void);

void kill_guest(struct lguest *lg, const char *fmt, ...) __printf(2, 3);
void guest_exit(struct lguest *lg, u32 reason, u32 status,
		const void *data, u32 len);

/* guest_memory.c: bounds-checked access to guest-physical memory */
bool gpa_ok(struct lguest *lg, u32 gpa, u32 len);
int read_guest(struct lguest *lg, u32 gpa, void *buf, u32 len);
int write_guest(struct lguest *lg, u32 gpa, const void *buf, u32 len);
int pin_guest_memory(struct lguest *lg);
void unpin_guest_memory(struct lguest *lg);
u32 guest_pfn_to_host(struct lguest *lg, u32 gpfn);

/* page_tables.c */
int init_shadow_pages(struct lguest *lg, u32 gpgdir);
void free_shadow_pages(struct lguest *lg);
bool demand_page(struct lguest *lg, u32 vaddr, u32 *errcode);
bool guest_va_to_pa(struct lguest *lg, u32 vaddr, bool write, u32 *gpa);
bool pin_stack_page(struct lguest *lg, u32 vaddr);
void guest_new_pagetable(struct lguest *lg, u32 gpgdir);
void guest_set_pte(struct lguest *lg, u32 gpgdir, u32 vaddr, u32 gpte);
void guest_set_pgd(struct lguest *lg, u32 gpgdir, u32 index);
void guest_flush_tlb(struct lguest *lg, bool all);
u32 *shadow_pgdir(struct lguest *lg);
void audit_shadow_pages(struct lguest *lg);

/* segments.c */
void set_switcher_segments(struct desc_struct *gdt);
void setup_guest_gdt(struct lguest *lg);
void load_guest_gdt_entry(struct lguest *lg, u32 index, u32 lo, u32 hi);
void load_guest_tls(struct lguest *lg, u32 gpa);
void copy_gdt(const struct lguest *lg, struct desc_struct *gdt);
bool valid_guest_regs(struct lguest *lg);

/* interrupts.c */
void load_guest_idt_entry(struct lguest *lg, u32 vector, u32 lo, u32 hi);
void copy_idt(const struct lguest *lg, gate_desc *idt, unsigned long stubs);
void set_switcher_gate(gate_desc *g, unsigned long addr, unsigned int dpl);
void set_guest_stack(struct lguest *lg, u32 ss, u32 esp);
void update_syscall_gate(struct lguest *lg);
bool deliver_trap(struct lguest *lg, unsigned int vector, bool has_err);
void maybe_deliver_interrupt(struct lguest *lg);
void init_guest_timer(struct lguest *lg);
void set_guest_timer(struct lguest *lg, u32 ns);
void raise_guest_irq(struct lguest *lg, unsigned int irq);
bool guest_irq_pending(struct lguest *lg);

/* hypercalls.c */
void run_async_hcalls(struct lguest *lg);
void do_hypercall(struct lguest *lg);

/* switcher_32.S */
extern char start_switcher_text[], end_switcher_text[];
extern char switch_to_guest[], switcher_idt_stubs[];
extern char switcher_nmi[], switcher_mce[], switcher_fastpath_pf[], switcher_exitless_hcall[];
#define SWITCHER_STUB_SIZE	16

#endif /* _LG_H */
