// SPDX-License-Identifier: GPL-2.0
/*
 * A running guest is kicked.  This thread runs spin_irq on CPU 0, which
 * spins at ring 3 until line 5 arrives, ROUNDS times; a second thread on
 * CPU 1 raises line 5 about every 20 ms until the guest is done.  It
 * waits by spinning, for a time that varies from raise to raise: a sleep
 * would end on a timer tick (a host without high-resolution timers), just
 * when CPU 0 is out of the guest for its own tick.  The guest
 * never halts, so nothing wakes it: only a kick (a reschedule IPI to
 * CPU 0) makes it exit for the interrupt before CPU 0's next host
 * interrupt, a timer tick.  Which exit each delivery followed is read
 * from the host's trace by jobs/irq-kick.sh; here, that the guest got all
 * its rounds and shut down.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"

#define LINE		5
#define ROUNDS		"20"
#define MAX_RAISES	1000
#define DEADLINE_S	60

static int fd;
static volatile int done;

static void deadline(int sig)
{
	(void)sig;
	printf("FAIL: the guest did not finish in %d s\n", DEADLINE_S);
	fflush(stdout);
	_exit(1);
}

/* 20 ms and a part of a 4 ms tick that changes every time. */
static void spin_a_while(int n)
{
	double until = abi_now() + 0.020 + (n * 1733 % 4000) / 1e6;

	while (abi_now() < until && !done)
		;
}

static void *io_thread(void *raises)
{
	__u32 line = LINE;
	int n = 0;

	abi_pin(1);
	while (!done && n < MAX_RAISES) {
		spin_a_while(n);
		if (!done && ioctl(fd, LGUEST_IOC_IRQ, &line) == 0)
			n++;
	}
	*(int *)raises = n;
	return NULL;
}

int main(void)
{
	struct lguest_exit e;
	struct guest g;
	pthread_t t;
	int err, raises = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, deadline);
	alarm(DEADLINE_S);
	abi_pin(0);
	abi_load_elf(SPIN_IRQ_ELF, "irq=5 timer_ns=0 count=" ROUNDS, 4u << 20, &g);
	fd = abi_open();
	check(ioctl(fd, LGUEST_IOC_INIT, &g.init) == 0, "init");
	if (pthread_create(&t, NULL, io_thread, &raises)) {
		perror("pthread_create");
		return 2;
	}
	err = abi_run(fd, &e);
	done = 1;
	pthread_join(t, NULL);
	abi_expect_shutdown("spun through every round", err, &e);
	printf("irq_kick: %d raises from CPU 1\n", raises);
	close(fd);
	return check_summary("irq_kick");
}
