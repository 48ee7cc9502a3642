/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The lguest ABI: everything the host module, the launcher and a guest must
 * agree on.  This header is included by all three, so it uses only fixed-width
 * types and no kernel internals.
 *
 * The cast of characters:
 *
 *  - the launcher, an ordinary 32-bit process, allocates the guest's memory
 *    in its own address space, loads the guest kernel into it, and asks
 *    /dev/lguest to run it;
 *  - the host module ("lg.ko") runs the guest through the Switcher, fills
 *    the shadow page tables, answers hypercalls and delivers traps and
 *    interrupts into the guest;
 *  - the guest kernel runs at ring 1 and its programs at ring 3.  It talks
 *    to the host by hypercall (int $LGUEST_TRAP_ENTRY) and through one page
 *    of its own memory, struct lguest_data, that both sides read and write.
 *
 * Guest-physical address 0 is the first byte of the launcher's guest memory;
 * every address the guest hands to the host is guest-physical and checked
 * against the memory size.
 */
#ifndef _UAPI_LGUEST_H
#define _UAPI_LGUEST_H

#include <linux/types.h>
#include <linux/ioctl.h>

/*
 * Booting.  The launcher loads the guest's ELF segments at their physical
 * addresses and builds initial page tables mapping all of guest memory twice,
 * at virtual 0 and at LGUEST_PAGE_OFFSET, kernel-only and writable.  The
 * guest starts at the ELF entry point at ring 1, with paging on, interrupts
 * virtually disabled, and:
 *	%eax = LGUEST_BOOT_MAGIC
 *	%esi = guest-physical address of struct lguest_boot_info
 *	%cs = LGUEST_KERNEL_CS, %ds = %es = %ss = LGUEST_KERNEL_DS
 * It has no stack yet: the guest's first job is to set one up.
 */
#define LGUEST_BOOT_MAGIC	0x4c477531	/* "LGu1" */
#define LGUEST_PAGE_OFFSET	0xC0000000u

struct lguest_boot_info {
	__u32 magic;		/* LGUEST_BOOT_MAGIC */
	__u32 mem_size;		/* bytes of guest memory */
	__u32 pgdir;		/* guest-physical address of the initial page directory */
	__u32 cmdline;		/* guest-physical address of the command line, 0 if none */
	__u32 cmdline_len;	/* its length without the NUL */
	__u32 initrd;		/* guest-physical address of the initrd, 0 if none */
	__u32 initrd_size;
	__u32 reserved[9];	/* zero */
};

/*
 * Segments.  The host owns the guest's GDT entries below; the guest may load
 * the others (LHCALL_LOAD_GDT_ENTRY) and its TLS slots (LHCALL_LOAD_TLS), and
 * any descriptor it loads with DPL 0 is raised to DPL 1.
 */
#define LGUEST_GDT_ENTRIES		32
#define LGUEST_GDT_SWITCHER_CS		10	/* ring 0: the Switcher's code */
#define LGUEST_GDT_SWITCHER_DS		11	/* ring 0: the Switcher's data */
#define LGUEST_GDT_KERNEL_CS		12
#define LGUEST_GDT_KERNEL_DS		13
#define LGUEST_GDT_USER_CS		14
#define LGUEST_GDT_USER_DS		15
#define LGUEST_GDT_TSS			16
#define LGUEST_GDT_DOUBLEFAULT_TSS	31
#define LGUEST_GDT_TLS_MIN		6
#define LGUEST_GDT_TLS_ENTRIES		3

#define LGUEST_KERNEL_CS	(LGUEST_GDT_KERNEL_CS * 8 + 1)
#define LGUEST_KERNEL_DS	(LGUEST_GDT_KERNEL_DS * 8 + 1)
#define LGUEST_USER_CS		(LGUEST_GDT_USER_CS * 8 + 3)
#define LGUEST_USER_DS		(LGUEST_GDT_USER_DS * 8 + 3)

/*
 * Hypercalls: int $LGUEST_TRAP_ENTRY from ring 1 with the call number in
 * %eax and arguments in %ebx, %ecx, %edx, %esi.  The result comes back in
 * %eax: 0 or a positive value on success, a negative errno on failure.  A
 * call the host does not know, or one with arguments that could harm the
 * host, kills the guest with a reason instead.
 */
#define LGUEST_TRAP_ENTRY	0x1f

enum lguest_hcall {
	LHCALL_NOP = 0,		/* nothing: the null hypercall */
	LHCALL_FLUSH_ASYNC,	/* nothing but draining the async ring */
	LHCALL_GUEST_INIT,	/* ebx = gpa of struct lguest_data, ecx = LGUEST_INIT_* */
	LHCALL_SHUTDOWN,	/* ebx = gpa of a NUL-terminated reason, ecx = status */
	LHCALL_CONSOLE_WRITE,	/* ebx = gpa of bytes, ecx = length (<= LGUEST_DATA_MAX) */
	LHCALL_NEW_PGTABLE,	/* ebx = gpa of the page directory to switch to */
	LHCALL_FLUSH_TLB,	/* ebx = 0: user mappings of this page table; 1: all */
	LHCALL_SET_PTE,		/* ebx = pgdir gpa, ecx = virtual address, edx = pte */
	LHCALL_SET_PGD,		/* ebx = pgdir gpa, ecx = pgd index (0..1023) */
	LHCALL_LOAD_GDT_ENTRY,	/* ebx = index, ecx = low word, edx = high word */
	LHCALL_LOAD_TLS,	/* ebx = gpa of LGUEST_GDT_TLS_ENTRIES descriptors */
	LHCALL_LOAD_IDT_ENTRY,	/* ebx = vector, ecx = low word, edx = high word */
	LHCALL_SET_STACK,	/* ebx = ss (ring 1), ecx = esp: the kernel stack */
	LHCALL_SET_CLOCKEVENT,	/* ebx = nanoseconds until the timer fires; 0 stops it */
	LHCALL_HALT,		/* sleep until an interrupt arrives */
	LHCALL_SEND_INTERRUPTS,	/* deliver pending interrupts now */
	LHCALL_NOTIFY,		/* ebx = a value handed to the launcher */
	LHCALL_READ_COUNTERS,	/* ebx = gpa to copy struct lguest_counters to */
	LHCALL_NR		/* the number of hypercalls */
};

/*
 * LHCALL_GUEST_INIT flags.
 *
 * LGUEST_INIT_LINEAR_MAP: the guest promises to keep all of its memory
 * mapped, kernel-only, at LGUEST_PAGE_OFFSET + guest-physical address, as
 * the launcher's boot page tables and Linux do.  The M:012 fastpath reads
 * the guest's page tables and lguest_data through that map, so a host with
 * the fastpath uses it only for guests that promised; the others take the
 * host's path for every page fault.  A guest that breaks the promise can
 * only mislead the walker about its own page tables.
 */
#define LGUEST_INIT_LINEAR_MAP	0x1

/*
 * The async ring: hypercalls a guest queues instead of trapping, run by the
 * host in order before anything else on the guest's next exit.  A page
 * fault the Switcher reflects itself (the fastpath) is no exit: a guest
 * that needs queued page-table updates in force before a fault is taken
 * flushes the ring first (LHCALL_FLUSH_ASYNC).  The guest
 * fills hcalls[i] and then sets hcall_status[i] to 0; the host runs it and
 * sets hcall_status[i] back to 0xFF.  Only calls with no result may be
 * queued.  A ring still full after LGUEST_ASYNC_FLOOD_EXITS consecutive
 * exits kills the guest ("async hypercall ring flooded").
 */
#define LHCALL_RING_SIZE		64
#define LHCALL_STATUS_FREE		0xFF
#define LHCALL_STATUS_READY		0
#define LGUEST_ASYNC_FLOOD_EXITS	1000

struct lguest_hcall_args {
	__u32 nr, arg1, arg2, arg3, arg4;
};

/* Virtual interrupt lines; line 0 is the timer (LHCALL_SET_CLOCKEVENT). */
#define LGUEST_IRQS		32
#define LGUEST_IRQ_TIMER	0
#define LGUEST_IRQ_VECTOR_BASE	32	/* line n arrives at guest vector 32 + n */

/*
 * The page the guest shares with the host (LHCALL_GUEST_INIT).
 */
struct lguest_data {
	/* Guest: 0x200 (X86_EFLAGS_IF) when it accepts interrupts, else 0. */
	__u32 irq_enabled;
	/* Host: non-zero when an interrupt waits; re-enabling interrupts should then call LHCALL_SEND_INTERRUPTS. */
	__u32 irq_pending;
	/* Guest: a set bit masks that interrupt line. */
	__u32 blocked_interrupts[LGUEST_IRQS / 32];
	/* Host: the faulting address of the page fault being delivered. */
	__u32 cr2;
	/* Host: bytes at the top of the virtual address space the guest must not map (the Switcher). */
	__u32 reserve_mem;
	/* Host: the TSC frequency, for the guest's clock. */
	__u32 tsc_khz;
	/* Guest: the address of its iret; no interrupt is delivered with eip there. */
	__u32 noirq_iret;
	/* Guest: nor with eip in [noirq_start, noirq_end), the first instruction of its system call entry. */
	__u32 noirq_start, noirq_end;
	__u32 reserved[6];
	__u8 hcall_status[LHCALL_RING_SIZE];
	struct lguest_hcall_args hcalls[LHCALL_RING_SIZE];
};

/* The guest's registers, in the order the Switcher stacks them. */
struct lguest_regs {
	__u32 eax, ebx, ecx, edx;
	__u32 esi, edi, ebp;
	__u32 gs, fs, ds, es;
	__u32 trapnum, errcode;
	__u32 eip, cs, eflags, esp, ss;
};

/*
 * World-switch accounting.  A world switch is one change of address space
 * between host and guest, in either direction: a trip to the host and back
 * is two.
 */
/*
 * Why the M:012 fastpath (switcher_fastpath.S) handed a page fault to the
 * host instead of reflecting it: the index into fastpath_fallback[].
 */
enum lguest_fastpath_fallback {
	LGUEST_FP_NOT_READY,	 /* no lguest_data, #PF handler or stack yet */
	LGUEST_FP_NOT_USER,	 /* not user space's access (error code U clear) */
	LGUEST_FP_PROTECTION,	 /* a protection fault on a read, not a write */
	LGUEST_FP_SWITCHER_RANGE, /* the address is at or above the Switcher */
	LGUEST_FP_PRESENT,	 /* the guest entry is present: fill the shadow */
	LGUEST_FP_BAD_TABLE,	 /* a large page, or a table outside memory */
	LGUEST_FP_BAD_STACK,	 /* the kernel stack reaches the Switcher */
	LGUEST_FP_RECURSIVE,	 /* the walk or the reflection itself faulted */
	LGUEST_FP_NO_SHADOW,	 /* exitless: no shadow page table to fill */
	LGUEST_FASTPATH_REASONS
};
struct lguest_counters {
	__u64 world_switches;
	__u64 exits_trap[32];		/* guest->host exits by CPU exception */
	__u64 exits_hcall[LHCALL_NR];	/* by synchronous hypercall number */
	__u64 exits_irq;		/* by host interrupt (incl. NMI) */
	__u64 exits_other;		/* by other software interrupt vectors */
	__u64 async_hcalls;		/* hypercalls run from the async ring */
	__u64 faults_fixed;		/* page faults the host fixed unseen by the guest */
	__u64 faults_reflected;		/* page faults the host delivered to the guest */
	__u64 traps_delivered;		/* exceptions the host delivered to the guest */
	__u64 irqs_delivered;		/* virtual interrupts delivered to the guest */
	__u64 fastpath_reflected;	/* page faults the Switcher delivered itself */
	__u64 fastpath_fallback[LGUEST_FASTPATH_REASONS];
	/* The exitless build's Switcher (switcher_exitless.S): no exit at all. */
	__u64 exitless_fills;		/* shadow entries it filled itself */
	__u64 exitless_set_ptes;	/* LHCALL_SET_PTEs it answered itself */
};

/* /dev/lguest: one open file is one guest. */
#define LGUEST_DATA_MAX		4096

struct lguest_init {
	__u32 mem_base;		/* launcher address of guest-physical 0, page aligned */
	__u32 mem_size;		/* bytes, a multiple of 4 MiB, at most LGUEST_MEM_MAX */
	__u32 pgdir;		/* gpa of the initial page directory */
	__u32 entry;		/* initial eip */
	__u32 boot_info;	/* gpa of struct lguest_boot_info, passed in %esi */
	__u32 flags;		/* zero */
};
#define LGUEST_MEM_MAX		(512u << 20)

enum lguest_exit_reason {
	LGUEST_EXIT_CONSOLE = 1,	/* data[0..len) to print */
	LGUEST_EXIT_SHUTDOWN,		/* status = the guest's code, data = its reason */
	LGUEST_EXIT_NOTIFY,		/* status = the LHCALL_NOTIFY value */
	LGUEST_EXIT_KILLED,		/* the host killed the guest: data = why */
};

struct lguest_exit {
	__u32 reason;		/* enum lguest_exit_reason */
	__u32 status;
	__u32 len;		/* bytes used in data */
	char data[LGUEST_DATA_MAX];
};

#define LGUEST_IOC_MAGIC	0xB7
#define LGUEST_IOC_INIT		_IOW(LGUEST_IOC_MAGIC, 1, struct lguest_init)
/* Run until the launcher must act; -EINTR when a signal is pending. */
#define LGUEST_IOC_RUN		_IOR(LGUEST_IOC_MAGIC, 2, struct lguest_exit)
/* Raise virtual interrupt line n (0..LGUEST_IRQS-1). */
#define LGUEST_IOC_IRQ		_IOW(LGUEST_IOC_MAGIC, 3, __u32)
#define LGUEST_IOC_GET_REGS	_IOR(LGUEST_IOC_MAGIC, 4, struct lguest_regs)
#define LGUEST_IOC_SET_REGS	_IOW(LGUEST_IOC_MAGIC, 5, struct lguest_regs)
#define LGUEST_IOC_COUNTERS	_IOR(LGUEST_IOC_MAGIC, 6, struct lguest_counters)

/*
 * A launcher convention, not a host one: a guest measuring itself passes the
 * gpa of this structure to LHCALL_NOTIFY at the start (phase 0) and the end
 * (phase 1) of a measured window of "ops" operations.  The launcher reads
 * the counters at both ends and, for the windows it was told to expect
 * (the benchmark, the operations, the repetitions), writes
 *	BENCH,<benchmark>,world_switches_per_op,switches,<rep>,<value>
 * in the same format as the benchmark programs, to a results file of its
 * own: the guest's console cannot write there, and its claims are checked.
 */
#define LGUEST_WINDOW_MAGIC	0x574e4457	/* "WDNW" */
struct lguest_bench_window {
	__u32 magic;		/* LGUEST_WINDOW_MAGIC */
	__u32 phase;		/* 0 = begin, 1 = end */
	__u32 rep;		/* repetition number, from 1 */
	__u32 ops;		/* operations in the window (at the end) */
	char benchmark[32];	/* NUL-terminated name, [A-Za-z0-9_]+ */
};

#endif /* _UAPI_LGUEST_H */
