// SPDX-License-Identifier: GPL-2.0
/*
 * The host's next #DB after a guest's own.  The guest (single_step)
 * single-steps at ring 3; each #DB leaves the single-step bit in DR6.
 * Then this process, on the same CPU, sets a hardware watchpoint of its
 * own through perf and writes the word it watches: the host's #DB handler
 * must see that watchpoint and nothing else.  Had the guest's bit stayed
 * in DR6, the handler would take the hit for a single-step too and send
 * us a SIGTRAP no breakpoint of ours asked for.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"

static volatile sig_atomic_t sigtraps;
static volatile int watched;

static void on_sigtrap(int sig)
{
	(void)sig;
	sigtraps++;
}

int main(void)
{
	struct lguest_exit e;
	struct guest g;
	long long hits = -1;
	int fd, bp, err;

	setvbuf(stdout, NULL, _IOLBF, 0);
	abi_pin(0);
	signal(SIGTRAP, on_sigtrap);

	abi_load_elf(SINGLE_STEP_ELF, "count=3", 4u << 20, &g);
	fd = abi_open();
	check(ioctl(fd, LGUEST_IOC_INIT, &g.init) == 0, "init");
	err = abi_run(fd, &e);
	abi_expect_shutdown("single-stepped three times", err, &e);
	close(fd);

	bp = abi_watch(&watched);
	watched = 1;
	check(read(bp, &hits, sizeof(hits)) == sizeof(hits) && hits == 1,
	      "the watchpoint counted %lld hits, want 1", hits);
	check(sigtraps == 0, "%d SIGTRAPs after the write: the host took a stale DR6 for a single-step",
	      (int)sigtraps);
	close(bp);
	return check_summary("dr6_after_guest");
}
