// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/lguest under abuse: every malformed request gets a clear errno and
 * leaves the host as it was.  Runs inside the QEMU-booted host with lg.ko
 * loaded (either build); prints "FAIL: ..." per broken promise and
 * "bad_ioctls: N checks, M failed", and exits non-zero if any failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lguest.h"

#define MEM_SIZE	(4u << 20)

static int checks, failed;

static void expect_errno(const char *what, int ret, int want)
{
	int got = ret < 0 ? errno : 0;

	checks++;
	if (got != want) {
		failed++;
		printf("FAIL: %s: errno %d (%s), want %d (%s)\n", what, got,
		       strerror(got), want, strerror(want));
	}
}

static void expect(const char *what, int ok)
{
	checks++;
	if (!ok) {
		failed++;
		printf("FAIL: %s\n", what);
	}
}

static int open_dev(void)
{
	int fd = open("/dev/lguest", O_RDWR);

	if (fd < 0) {
		perror("bad_ioctls: /dev/lguest");
		_exit(2);
	}
	return fd;
}

static void bad_inits(void *mem)
{
	struct lguest_init good = {
		.mem_base = (__u32)(unsigned long)mem, .mem_size = MEM_SIZE,
		.pgdir = MEM_SIZE - 4096, .entry = 0x100000,
	};
	struct {
		const char *what;
		struct lguest_init in;
		int want;
	} cases[] = {
		{ "init: flags", good, EINVAL },
		{ "init: unaligned base", good, EINVAL },
		{ "init: zero size", good, EINVAL },
		{ "init: size not 4 MiB-aligned", good, EINVAL },
		{ "init: size too large", good, EINVAL },
		{ "init: base + size wraps", good, EINVAL },
		{ "init: memory not mapped", good, EFAULT },
		{ "init: pgdir out of range", good, EINVAL },
		{ "init: pgdir unaligned", good, EINVAL },
	};
	unsigned int i;
	int fd;

	cases[0].in.flags = 1;
	cases[1].in.mem_base += 8;
	cases[2].in.mem_size = 0;
	cases[3].in.mem_size = MEM_SIZE + 4096;
	cases[4].in.mem_size = LGUEST_MEM_MAX + MEM_SIZE;
	cases[5].in.mem_base = 0xffc00000u;
	cases[6].in.mem_base = 0x70000000u;	/* nothing mapped there */
	cases[7].in.pgdir = MEM_SIZE;
	cases[8].in.pgdir = 4096 + 4;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fd = open_dev();
		expect_errno(cases[i].what,
			     ioctl(fd, LGUEST_IOC_INIT, &cases[i].in),
			     cases[i].want);
		close(fd);
	}
}

static void before_init(void)
{
	struct lguest_exit e;
	__u32 irq = 0;
	int fd = open_dev();

	expect_errno("run before init", ioctl(fd, LGUEST_IOC_RUN, &e), EINVAL);
	expect_errno("irq before init", ioctl(fd, LGUEST_IOC_IRQ, &irq),
		     EINVAL);
	close(fd);
}

static void bad_regs(int fd)
{
	struct lguest_regs r, bad;

	expect_errno("get regs", ioctl(fd, LGUEST_IOC_GET_REGS, &r), 0);
	expect_errno("set the same regs", ioctl(fd, LGUEST_IOC_SET_REGS, &r), 0);
	bad = r;
	bad.cs = 0;
	expect_errno("set regs: null cs", ioctl(fd, LGUEST_IOC_SET_REGS, &bad),
		     EINVAL);
	bad = r;
	bad.cs = LGUEST_GDT_KERNEL_CS * 8;	/* ring 0 */
	expect_errno("set regs: ring-0 cs", ioctl(fd, LGUEST_IOC_SET_REGS, &bad),
		     EINVAL);
	bad = r;
	bad.cs = LGUEST_GDT_SWITCHER_CS * 8;
	expect_errno("set regs: the Switcher's cs",
		     ioctl(fd, LGUEST_IOC_SET_REGS, &bad), EINVAL);
	bad = r;
	bad.ss = LGUEST_USER_DS;		/* ring 3 stack, ring 1 code */
	expect_errno("set regs: ss of another ring",
		     ioctl(fd, LGUEST_IOC_SET_REGS, &bad), EINVAL);
	bad = r;
	bad.ds = 0x1234;
	expect_errno("set regs: a junk data selector is nulled",
		     ioctl(fd, LGUEST_IOC_SET_REGS, &bad), 0);
	ioctl(fd, LGUEST_IOC_GET_REGS, &bad);
	expect("set regs: junk data selector nulled", bad.ds == 0);
	expect_errno("set regs: back", ioctl(fd, LGUEST_IOC_SET_REGS, &r), 0);
}

/*
 * A guest whose page tables map nothing dies on its first instruction:
 * the fault cannot be delivered before it has told the host where its
 * lguest_data is.  RUN says so, and keeps saying so.
 */
static void doomed_guest(void *mem)
{
	struct lguest_init in = {
		.mem_base = (__u32)(unsigned long)mem, .mem_size = MEM_SIZE,
		.pgdir = MEM_SIZE - 4096, .entry = 0x100000,
	};
	struct lguest_counters c;
	struct lguest_exit e;
	__u32 irq;
	int fd = open_dev();

	memset(mem, 0, MEM_SIZE);
	expect_errno("init", ioctl(fd, LGUEST_IOC_INIT, &in), 0);
	expect_errno("init twice", ioctl(fd, LGUEST_IOC_INIT, &in), EBUSY);
	irq = LGUEST_IRQS;
	expect_errno("irq out of range", ioctl(fd, LGUEST_IOC_IRQ, &irq),
		     EINVAL);
	irq = LGUEST_IRQ_TIMER;
	expect_errno("irq", ioctl(fd, LGUEST_IOC_IRQ, &irq), 0);
	expect_errno("unknown ioctl", ioctl(fd, _IO(LGUEST_IOC_MAGIC, 99)),
		     ENOTTY);
	bad_regs(fd);

	expect_errno("run", ioctl(fd, LGUEST_IOC_RUN, &e), 0);
	expect("the guest was killed", e.reason == LGUEST_EXIT_KILLED);
	expect("with the reason", e.len < sizeof(e.data) &&
	       strstr(e.data, "before LHCALL_GUEST_INIT") != NULL);
	printf("killed: %.*s\n", (int)e.len, e.data);
	memset(&e, 0, sizeof(e));
	expect_errno("run again", ioctl(fd, LGUEST_IOC_RUN, &e), 0);
	expect("still dead", e.reason == LGUEST_EXIT_KILLED);
	expect_errno("counters", ioctl(fd, LGUEST_IOC_COUNTERS, &c), 0);
	/* One trip, plus any the host's own interrupts cost meanwhile. */
	expect("the death took one page-fault trip",
	       c.exits_trap[14] == 1 &&
	       c.world_switches == 2 + 2 * c.exits_irq);
	close(fd);
}

int main(void)
{
	void *mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (mem == MAP_FAILED) {
		perror("bad_ioctls: mmap");
		return 2;
	}
	before_init();
	bad_inits(mem);
	doomed_guest(mem);
	printf("bad_ioctls: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
