// SPDX-License-Identifier: GPL-2.0
/*
 * The host's breakpoints and the Switcher's debug registers, trip after
 * trip.  This process fills all four of the CPU's address registers with
 * hardware watchpoints of its own (perf), then runs a guest that
 * single-steps, so that every trip starts with %dr0-%dr3 holding our
 * addresses and ends with the host putting them back.  lg.ko writes a
 * debug register only when it does not already hold what the trip needs:
 * had it taken one of our addresses for its own, the way home would load
 * a watched word's address as the host's cr3 (%dr0), or the host would
 * take an address in %dr2 or %dr3 for an NMI or machine check that hit the
 * Switcher there.  The guest must finish, each watchpoint must then count
 * exactly the one write we make, and no SIGTRAP may come that no write
 * asked for.  The job checks the host's log for an NMI it could not
 * explain.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"

#define WATCHPOINTS 4

static volatile sig_atomic_t sigtraps;
static volatile int watched[WATCHPOINTS];

static void on_sigtrap(int sig)
{
	(void)sig;
	sigtraps++;
}

int main(void)
{
	int bp[WATCHPOINTS];
	struct lguest_exit e;
	struct guest g;
	int fd, err, i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	abi_pin(0);
	signal(SIGTRAP, on_sigtrap);

	for (i = 0; i < WATCHPOINTS; i++)
		bp[i] = abi_watch(&watched[i]);

	abi_load_elf(SINGLE_STEP_ELF, "count=200", 4u << 20, &g);
	fd = abi_open();
	check(ioctl(fd, LGUEST_IOC_INIT, &g.init) == 0, "init");
	err = abi_run(fd, &e);
	abi_expect_shutdown("single-stepped 200 times under our watchpoints",
			    err, &e);
	close(fd);

	for (i = 0; i < WATCHPOINTS; i++) {
		long long hits = -1;

		watched[i] = 1;
		check(read(bp[i], &hits, sizeof(hits)) == sizeof(hits) &&
		      hits == 1,
		      "watchpoint %d counted %lld hits, want 1", i, hits);
		close(bp[i]);
	}
	check(sigtraps == 0, "%d SIGTRAPs: a debug register held what no watchpoint of ours set",
	      (int)sigtraps);
	return check_summary("watch_during_guest");
}
