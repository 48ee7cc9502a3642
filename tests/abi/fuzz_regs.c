// SPDX-License-Identifier: GPL-2.0
/*
 * A register-state fuzzer for LGUEST_IOC_SET_REGS.  Runs inside the
 * QEMU-booted host with lg.ko loaded (either build).
 *
 * The guest is built here, not loaded: a few pages mapped at 0 and at
 * LGUEST_PAGE_OFFSET, user-accessible, and a blob of code (fr_blob below)
 * that registers lguest_data (with the linear-map promise, so the M:012
 * walker serves it), a kernel stack, a gate on every vector leading to a
 * handler that notifies us, and a set of odd GDT entries (code and data
 * of every ring, conforming, expand-down, 16-bit, tiny limits, not
 * present); then it notifies us that it is ready.  Then, over and over:
 * random registers (selectors of every kind, LDT ones, RPLs, null, the
 * Switcher's 0x50/0x58, the TSS 0x80; eflags with IOPL, VM, NT, TF, AC and
 * junk; eip and esp anywhere, the Switcher included), SET_REGS, and if the
 * host took them, RUN, with a timer in case the guest just spins.  A guest
 * the host killed, or one that trapped or spun, is rebuilt from scratch.
 *
 * Checked: SET_REGS answers 0 or EINVAL, and what it took reads back with
 * IOPL, VM and NT clear, IF and bit 1 set, data selectors kept or nulled,
 * and never a %cs or %ss that is null, ring 0, in the LDT, the Switcher's
 * or the TSS; RUN answers 0 (or EINTR from our timer) with a known exit
 * reason, a kill always with a reason.  Whether the host survived is for
 * the caller's dmesg check (tests/vm/test_fuzz.sh).
 *
 * usage: fuzz_regs [-v] [-s SEED] [-n ITERATIONS] [-r 'REGS']
 * -v prints every register set the host took before running it, so that
 * the last line before a host crash names the culprit; -r runs that one
 * (the 18 hex words of struct lguest_regs, as -v prints them) instead.
 * Prints "fuzz_regs: ... N checks, M failed" and exits 1 if any failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "lguest.h"
#include "../guests/lib/rand.h"

#define MEM_SIZE	(4u << 20)
#define PAGE		4096u
#define CODE_PA		0x1000u
#define DATA_PA		0x2000u		/* struct lguest_data */
#define STACK_TOP	0x5000u
#define TABLE_PA	(MEM_SIZE - 2 * PAGE)
#define PGDIR_PA	(MEM_SIZE - PAGE)
#define NOTE_READY	0x600d
#define NOTE_TRAP	0x7a9
#define RUN_MS		20		/* a guest that just spins: give up */
#define SETUP_MS	5000		/* the blob's 300 hypercalls */

#define X86_EFLAGS_TF	0x100u
#define X86_EFLAGS_IF	0x200u
#define X86_EFLAGS_NT	0x4000u
#define X86_EFLAGS_IOPL	0x3000u
#define X86_EFLAGS_VM	0x20000u
#define X86_EFLAGS_AC	0x40000u

/* The odd GDT entries the guest loads: index, low word, high word. */
static const uint32_t odd_gdt[][3] = {
	{ 17, 0x0000ffff, 0x00cfdb00 },	/* code, DPL 2 */
	{ 18, 0x0000ffff, 0x00cfd300 },	/* data, DPL 2 */
	{ 19, 0x0000ffff, 0x00cfbf00 },	/* conforming code, DPL 1 */
	{ 20, 0x00000fff, 0x00409b00 },	/* code, DPL 0 (made 1), 4 KiB limit */
	{ 21, 0x0000ffff, 0x00cff700 },	/* expand-down data, DPL 3 */
	{ 22, 0x0000ffff, 0x008f9b00 },	/* 16-bit code, DPL 0 */
	{ 23, 0x0000ffff, 0x00cf1b00 },	/* code, not present */
	{ 24, 0x00000010, 0xc0c0fb00 },	/* code at 0xc0000000, DPL 3, 64 KiB */
	{ 25, 0x0000ffff, 0x00cff100 },	/* read-only data, DPL 3 */
	{ 26, 0x0000ffff, 0x00cf8900 },	/* a TSS: refused */
	{ 27, 0x0000ffff, 0x00cffb00 },	/* code, DPL 3 */
	{ 28, 0x0000ffff, 0x00cfbb00 },	/* code, DPL 1 */
	{ 29, 0x0000ffff, 0x00cfb300 },	/* data, DPL 1 */
	{ 30, 0x00000000, 0x00c0bb00 },	/* code, DPL 1, limit 4 KiB */
	{ 6, 0x1000ffff, 0x00cff300 },	/* TLS: data, DPL 3 */
	{ 7, 0x0000ffff, 0x00cffa00 },	/* TLS: code, DPL 3, readable */
	{ 0xffffffff, 0, 0 },
};

/*
 * The guest's code, copied to CODE_PA and run at LGUEST_PAGE_OFFSET +
 * CODE_PA, so its own addresses are that plus their offset in the blob.
 * It has no stack, and needs none.
 */
void fr_blob(void);
extern const char fr_blob_end[], fr_handler[], fr_gdt[];

static void __attribute__((used)) fr_blob_holder(void)
{
	asm volatile(
	".pushsection .text\n"
	".globl fr_blob\n"
	"fr_blob:\n"
	"	movl $%c[init], %%eax\n"
	"	movl $%c[data], %%ebx\n"
	"	movl $%c[linear], %%ecx\n"
	"	int $0x1f\n"
	"	movl $%c[stack], %%eax\n"
	"	movl $%c[kds], %%ebx\n"
	"	movl $%c[top], %%ecx\n"
	"	int $0x1f\n"
	/* A DPL-3 interrupt gate on every vector, to fr_handler. */
	"	xorl %%edi, %%edi\n"
	"2:	movl $(%c[base] + fr_handler - fr_blob), %%edx\n"
	"	movl %%edx, %%ecx\n"
	"	andl $0xffff, %%ecx\n"
	"	orl $(%c[kcs] << 16), %%ecx\n"
	"	andl $0xffff0000, %%edx\n"
	"	orl $0xee00, %%edx\n"
	"	movl %%edi, %%ebx\n"
	"	movl $%c[idt], %%eax\n"
	"	int $0x1f\n"
	"	incl %%edi\n"
	"	cmpl $256, %%edi\n"
	"	jne 2b\n"
	"	movl $(%c[base] + fr_gdt - fr_blob), %%esi\n"
	"3:	movl (%%esi), %%ebx\n"
	"	cmpl $-1, %%ebx\n"
	"	je 4f\n"
	"	movl 4(%%esi), %%ecx\n"
	"	movl 8(%%esi), %%edx\n"
	"	movl $%c[gdt], %%eax\n"
	"	int $0x1f\n"
	"	addl $12, %%esi\n"
	"	jmp 3b\n"
	"4:	movl $%c[notify], %%eax\n"
	"	movl $%c[ready], %%ebx\n"
	"	int $0x1f\n"
	"5:	jmp 5b\n"
	/* Any trap: tell the launcher, then spin until it gives up on us. */
	".globl fr_handler\n"
	"fr_handler:\n"
	"	movl $%c[notify], %%eax\n"
	"	movl $%c[trap], %%ebx\n"
	"	int $0x1f\n"
	"6:	jmp 6b\n"
	".p2align 2\n"
	".globl fr_gdt\n"
	"fr_gdt:\n"
	"	.fill %c[gdt_words], 4, 0\n"
	".globl fr_blob_end\n"
	"fr_blob_end:\n"
	".popsection\n"
	: : [init] "i"(LHCALL_GUEST_INIT), [data] "i"(DATA_PA),
	    [linear] "i"(LGUEST_INIT_LINEAR_MAP), [stack] "i"(LHCALL_SET_STACK),
	    [kds] "i"(LGUEST_KERNEL_DS), [kcs] "i"(LGUEST_KERNEL_CS),
	    [top] "i"(LGUEST_PAGE_OFFSET + STACK_TOP),
	    [idt] "i"(LHCALL_LOAD_IDT_ENTRY), [gdt] "i"(LHCALL_LOAD_GDT_ENTRY),
	    [notify] "i"(LHCALL_NOTIFY), [ready] "i"(NOTE_READY),
	    [trap] "i"(NOTE_TRAP), [gdt_words] "i"(sizeof(odd_gdt) / 4),
	    [base] "i"(LGUEST_PAGE_OFFSET + CODE_PA));
}

static struct rand_state rs;
static int checks, failed;
static uint8_t *mem;

static void expect(const char *what, int ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void expect(const char *what, int ok, const char *fmt, ...)
{
	va_list ap;

	checks++;
	if (ok)
		return;
	if (failed++ < 20) {
		printf("FAIL: %s: ", what);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		putchar('\n');
	}
}

/* The memory image: page tables, code, lguest_data, stack. */
static void build_image(void)
{
	uint32_t *pgdir = (uint32_t *)(mem + PGDIR_PA);
	uint32_t *ptes = (uint32_t *)(mem + TABLE_PA);
	struct lguest_data *ld = (struct lguest_data *)(mem + DATA_PA);
	size_t len = fr_blob_end - (const char *)fr_blob;
	unsigned int i;

	memset(pgdir, 0, PAGE);
	for (i = 0; i < MEM_SIZE / PAGE; i++)
		ptes[i] = i * PAGE | 0x67;	/* P, W, U, A, D */
	pgdir[0] = TABLE_PA | 0x27;
	pgdir[LGUEST_PAGE_OFFSET >> 22] = TABLE_PA | 0x27;
	memcpy(mem + CODE_PA, (const void *)fr_blob, len);
	memcpy(mem + CODE_PA + (fr_gdt - (const char *)fr_blob), odd_gdt,
	       sizeof(odd_gdt));
	memset(ld, 0, sizeof(*ld));
	memset(ld->hcall_status, LHCALL_STATUS_FREE, sizeof(ld->hcall_status));
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* RUN with a deadline: -1 and errno EINTR if the guest just spun. */
static int run(int fd, struct lguest_exit *e, unsigned int ms)
{
	struct itimerval t = {
		.it_value = { ms / 1000, ms % 1000 * 1000 },
	};
	struct itimerval off = { 0 };
	int ret;

	memset(e, 0, offsetof(struct lguest_exit, data));
	setitimer(ITIMER_REAL, &t, NULL);
	ret = ioctl(fd, LGUEST_IOC_RUN, e);
	setitimer(ITIMER_REAL, &off, NULL);
	return ret;
}

/* A fresh guest, run until it says it is ready; -1 if it did not. */
static int new_guest(void)
{
	struct lguest_init in = {
		.mem_base = (uint32_t)(uintptr_t)mem, .mem_size = MEM_SIZE,
		.pgdir = PGDIR_PA, .entry = LGUEST_PAGE_OFFSET + CODE_PA,
	};
	struct lguest_exit e;
	int fd = open("/dev/lguest", O_RDWR);

	if (fd < 0) {
		perror("fuzz_regs: /dev/lguest");
		exit(2);
	}
	build_image();
	if (ioctl(fd, LGUEST_IOC_INIT, &in)) {
		perror("fuzz_regs: LGUEST_IOC_INIT");
		exit(2);
	}
	if (run(fd, &e, SETUP_MS) || e.reason != LGUEST_EXIT_NOTIFY ||
	    e.status != NOTE_READY) {
		printf("fuzz_regs: the guest did not get ready: errno %d, reason %u status %#x: %.*s\n",
		       errno, e.reason, e.status, (int)e.len, e.data);
		exit(2);
	}
	return fd;
}

static uint32_t random_selector(void)
{
	static const uint32_t special[] = {
		0, 3, LGUEST_KERNEL_CS, LGUEST_KERNEL_DS, LGUEST_USER_CS,
		LGUEST_USER_DS, LGUEST_KERNEL_CS & ~3u, LGUEST_KERNEL_DS & ~3u,
		LGUEST_GDT_SWITCHER_CS * 8, LGUEST_GDT_SWITCHER_DS * 8,
		LGUEST_GDT_SWITCHER_CS * 8 + 1, LGUEST_GDT_TSS * 8,
		LGUEST_GDT_DOUBLEFAULT_TSS * 8 + 3, 0x60, 0x68, 0x7b | 0x10000,
	};
	uint32_t sel;

	switch (rand_below(&rs, 4)) {
	case 0:
		return special[rand_below(&rs, sizeof(special) / 4)];
	case 1:	/* one of the guest's odd entries, any RPL */
		sel = odd_gdt[rand_below(&rs, sizeof(odd_gdt) / 12 - 1)][0] * 8 +
		      rand_below(&rs, 4);
		break;
	case 2:	/* any GDT slot, any RPL */
		sel = rand_below(&rs, LGUEST_GDT_ENTRIES) * 8 + rand_below(&rs, 4);
		break;
	default:
		return rand_chance(&rs, 50) ? rand_next(&rs) & 0xffff :
		       rand_next(&rs);
	}
	if (rand_chance(&rs, 10))
		sel |= 4;	/* the LDT: there is none */
	return sel;
}

/* Pairs that the host takes, now and then, so that RUN gets to run. */
static void usable_segments(struct lguest_regs *r)
{
	static const uint32_t pairs[][2] = {
		{ LGUEST_KERNEL_CS, LGUEST_KERNEL_DS },
		{ LGUEST_USER_CS, LGUEST_USER_DS },
		{ 17 * 8 + 2, 18 * 8 + 2 },	/* ring 2 */
		{ 20 * 8 + 1, LGUEST_KERNEL_DS },	/* 4 KiB code */
		{ 24 * 8 + 3, LGUEST_USER_DS },	/* code at 0xc0000000 */
		{ 27 * 8 + 3, 21 * 8 + 3 },	/* expand-down stack */
		{ 30 * 8 + 1, 29 * 8 + 1 },
	};
	unsigned int i = rand_below(&rs, sizeof(pairs) / sizeof(pairs[0]));

	r->cs = pairs[i][0];
	r->ss = pairs[i][1];
}

static uint32_t random_address(void)
{
	static const uint32_t special[] = {
		0, 0xffffffff, 0xfffffffc, 0xff400000, 0xff401000, 0xff402ff0,
		0xff403000, 0xff3ffffc, LGUEST_PAGE_OFFSET + CODE_PA,
		LGUEST_PAGE_OFFSET + STACK_TOP, CODE_PA, 0xfff, 0x1000,
		LGUEST_PAGE_OFFSET + MEM_SIZE, MEM_SIZE - 4,
	};

	switch (rand_below(&rs, 4)) {
	case 0:
		return special[rand_below(&rs, sizeof(special) / 4)];
	case 1:	/* in the guest's memory, either mapping */
		return rand_below(&rs, MEM_SIZE) +
		       (rand_chance(&rs, 50) ? LGUEST_PAGE_OFFSET : 0);
	case 2:	/* in the blob: fr_handler, the spin loops */
		return LGUEST_PAGE_OFFSET + CODE_PA +
		       rand_below(&rs, fr_blob_end - (const char *)fr_blob);
	default:
		return rand_next(&rs);
	}
}

static void random_regs(struct lguest_regs *r)
{
	static const uint32_t flags[] = {
		X86_EFLAGS_IOPL, X86_EFLAGS_VM, X86_EFLAGS_NT, X86_EFLAGS_TF,
		X86_EFLAGS_AC, X86_EFLAGS_IF, 0x2, 0x10000 /* RF */,
		0x200000 /* ID */, 0x80000 /* VIF */, 0x100000 /* VIP */,
		0x400 /* DF */, 0xffc08028 /* reserved */,
	};
	uint32_t *w = (uint32_t *)r;
	unsigned int i;

	for (i = 0; i < sizeof(*r) / 4; i++)
		w[i] = rand_next(&rs);
	r->gs = random_selector();
	r->fs = random_selector();
	r->ds = random_selector();
	r->es = random_selector();
	r->cs = random_selector();
	r->ss = random_selector();
	if (rand_chance(&rs, 40))
		usable_segments(r);
	r->eip = random_address();
	r->esp = random_address();
	r->eflags = 0;
	for (i = 0; i < sizeof(flags) / 4; i++)
		if (rand_chance(&rs, 30))
			r->eflags |= flags[i];
	if (rand_chance(&rs, 10))
		r->eflags = rand_next(&rs);
}

/* The words of struct lguest_regs, as -v prints them. */
static int parse_regs(const char *s, struct lguest_regs *r)
{
	uint32_t *w = (uint32_t *)r;
	unsigned int k;
	char *end;

	for (k = 0; k < sizeof(*r) / 4; k++) {
		w[k] = (uint32_t)strtoul(s, &end, 16);
		if (end == s)
			return -1;
		s = end;
	}
	return 0;
}

/* A %cs or %ss the host must never take. */
static int forbidden(uint32_t sel)
{
	unsigned int i = (sel & 0xffff) >> 3;

	return sel > 0xffff || !(sel & ~7u) || !(sel & 3) || (sel & 4) ||
	       i >= LGUEST_GDT_ENTRIES || i == LGUEST_GDT_SWITCHER_CS ||
	       i == LGUEST_GDT_SWITCHER_DS || i == LGUEST_GDT_TSS ||
	       i == LGUEST_GDT_DOUBLEFAULT_TSS;
}

static void check_taken(int fd, const struct lguest_regs *want)
{
	struct lguest_regs got;
	const uint32_t *g = &got.gs, *w = &want->gs;
	unsigned int i;

	expect("get regs", !ioctl(fd, LGUEST_IOC_GET_REGS, &got), "errno %d",
	       errno);
	expect("eflags made safe",
	       !(got.eflags & (X86_EFLAGS_IOPL | X86_EFLAGS_VM | X86_EFLAGS_NT)) &&
	       (got.eflags & (X86_EFLAGS_IF | 0x2)) == (X86_EFLAGS_IF | 0x2) &&
	       (got.eflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_VM | X86_EFLAGS_NT)) ==
	       ((want->eflags | X86_EFLAGS_IF | 0x2) &
		~(X86_EFLAGS_IOPL | X86_EFLAGS_VM | X86_EFLAGS_NT)),
	       "set %#x, got %#x", want->eflags, got.eflags);
	expect("cs and ss as set, and usable",
	       got.cs == want->cs && got.ss == want->ss && !forbidden(got.cs) &&
	       !forbidden(got.ss) && (got.cs & 3) == (got.ss & 3),
	       "set cs %#x ss %#x, got cs %#x ss %#x", want->cs, want->ss,
	       got.cs, got.ss);
	for (i = 0; i < 4; i++)
		expect("data selector kept or nulled", g[i] == w[i] || !g[i],
		       "set %#x, got %#x", w[i], g[i]);
	expect("other registers as set",
	       got.eax == want->eax && got.esi == want->esi &&
	       got.eip == want->eip && got.esp == want->esp,
	       "eip %#x/%#x esp %#x/%#x", got.eip, want->eip, got.esp,
	       want->esp);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	unsigned long iterations = 3000, i;
	unsigned long refused = 0, killed = 0, trapped = 0, spun = 0, other = 0;
	uint32_t seed = (uint32_t)getpid() ^ (uint32_t)time(NULL);
	struct lguest_exit *e = malloc(sizeof(*e));
	int opt, fd, verbose = 0;
	const char *replay = NULL;

	while ((opt = getopt(argc, argv, "vs:n:r:")) != -1) {
		if (opt == 'v')
			verbose = 1;
		else if (opt == 'r')
			replay = optarg;
		else if (opt == 's')
			seed = (uint32_t)strtoul(optarg, NULL, 0);
		else if (opt == 'n')
			iterations = strtoul(optarg, NULL, 0);
		else {
			fprintf(stderr, "usage: fuzz_regs [-v] [-s SEED] [-n ITERATIONS] [-r 'REGS']\n");
			return 2;
		}
	}
	printf("fuzz_regs: seed %u (-s %u replays it), %lu iterations\n", seed,
	       seed, iterations);
	rand_seed(&rs, seed);
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: RUN must stop */
	mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED || !e) {
		perror("fuzz_regs: memory");
		return 2;
	}
	fd = new_guest();
	for (i = 0; i < iterations; i++) {
		struct lguest_regs r;
		int ret;

		if (replay) {
			if (parse_regs(replay, &r)) {
				fprintf(stderr, "fuzz_regs: -r wants 18 hex words\n");
				return 2;
			}
			iterations = 1;
		} else {
			random_regs(&r);
		}
		ret = ioctl(fd, LGUEST_IOC_SET_REGS, &r);
		expect("SET_REGS answers 0 or EINVAL", !ret || errno == EINVAL,
		       "errno %d", errno);
		if (ret) {
			refused++;
			continue;
		}
		check_taken(fd, &r);
		if (verbose) {
			const uint32_t *w = (const uint32_t *)&r;
			unsigned int k;

			printf("run %lu:", i);
			for (k = 0; k < sizeof(r) / 4; k++)
				printf(" %x", w[k]);
			printf("\n");
			fflush(stdout);
		}
		ret = run(fd, e, RUN_MS);
		if (ret) {
			expect("RUN answers 0 or EINTR", errno == EINTR,
			       "errno %d", errno);
			spun++;
		} else if (e->reason == LGUEST_EXIT_KILLED) {
			expect("a kill has a reason", e->len > 0 &&
			       e->len < LGUEST_DATA_MAX, "len %u", e->len);
			killed++;
		} else if (e->reason == LGUEST_EXIT_NOTIFY &&
			   e->status == NOTE_TRAP) {
			trapped++;
		} else {
			expect("a known exit", e->reason >= LGUEST_EXIT_CONSOLE &&
			       e->reason <= LGUEST_EXIT_KILLED, "reason %u",
			       e->reason);
			other++;
		}
		close(fd);
		fd = new_guest();
	}
	close(fd);
	printf("fuzz_regs: %lu refused, %lu ran: %lu killed, %lu trapped, %lu spun (%d alarms), %lu other\n",
	       refused, iterations - refused, killed, trapped, spun,
	       (int)alarms, other);
	printf("fuzz_regs: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
