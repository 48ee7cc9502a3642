// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"
#include "errmsg.h"

int abi_open(void)
{
	int fd = open(LGUEST_DEV, O_RDWR);

	if (fd < 0) {
		perror(LGUEST_DEV);
		exit(2);
	}
	return fd;
}

void abi_load_elf(const char *elf, const char *cmdline, uint32_t mem_size,
		  struct guest *g)
{
	char err[ERR_MAX];

	if (load_guest(elf, NULL, cmdline, mem_size, g, err)) {
		fprintf(stderr, "%s\n", err);
		exit(2);
	}
}

void abi_load(const char *cmdline, uint32_t mem_size, struct guest *g)
{
	abi_load_elf(WAIT_IRQ_ELF, cmdline, mem_size, g);
}

int abi_run(int fd, struct lguest_exit *e)
{
	for (;;) {
		if (ioctl(fd, LGUEST_IOC_RUN, e))
			return errno;
		if (e->reason != LGUEST_EXIT_CONSOLE)
			return 0;
		fwrite(e->data, 1, e->len < LGUEST_DATA_MAX ? e->len :
		       LGUEST_DATA_MAX, stdout);
	}
}

void abi_expect_shutdown(const char *what, int err, const struct lguest_exit *e)
{
	check(!err && e->reason == LGUEST_EXIT_SHUTDOWN && e->status == 0,
	      "%s: run gave errno %d (%s), exit reason %u status %u, want a shutdown with status 0",
	      what, err, strerror(err), e->reason, e->status);
}

void abi_pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		fprintf(stderr, "sched_setaffinity to CPU %d: %s\n", cpu, strerror(errno));
		exit(2);
	}
}

double abi_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int abi_watch(volatile int *addr)
{
	struct perf_event_attr a;
	int fd;

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_BREAKPOINT;
	a.size = sizeof(a);
	a.bp_type = HW_BREAKPOINT_W;
	a.bp_addr = (unsigned long)addr;
	a.bp_len = HW_BREAKPOINT_LEN_4;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	if (fd < 0) {
		perror("perf_event_open (a hardware watchpoint)");
		exit(2);
	}
	return fd;
}
