// SPDX-License-Identifier: GPL-2.0
/*
 * A launcher's I/O thread wakes its halted guest.  One thread runs
 * wait_irq, which halts with no timer armed until line 5 is raised; the
 * other sleeps 200 ms and raises it with LGUEST_IOC_IRQ.  The interrupt
 * must get through at once, whatever the halted RUN holds, and the guest
 * shut down; an alarm fails the test rather than let it hang.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"

#define LINE		5
#define DEADLINE_S	20

static int fd;

static void deadline(int sig)
{
	(void)sig;
	printf("FAIL: no shutdown after %d s: the interrupt never got through\n",
	       DEADLINE_S);
	fflush(stdout);
	_exit(1);
}

static void *io_thread(void *seconds)
{
	__u32 line = LINE;
	double t0;

	usleep(200000);
	t0 = abi_now();
	check(ioctl(fd, LGUEST_IOC_IRQ, &line) == 0, "IOC_IRQ from a second thread");
	*(double *)seconds = abi_now() - t0;
	return NULL;
}

int main(void)
{
	struct lguest_exit e;
	struct guest g;
	pthread_t t;
	double irq_seconds = -1;
	int err;

	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, deadline);
	alarm(DEADLINE_S);
	abi_load("timer_ns=0 irq=5", 4u << 20, &g);
	fd = abi_open();
	check(ioctl(fd, LGUEST_IOC_INIT, &g.init) == 0, "init");
	if (pthread_create(&t, NULL, io_thread, &irq_seconds)) {
		perror("pthread_create");
		return 2;
	}
	err = abi_run(fd, &e);
	abi_expect_shutdown("woken by the other thread", err, &e);
	pthread_join(t, NULL);
	check(irq_seconds >= 0 && irq_seconds < 1,
	      "IOC_IRQ took %.3f s: it waited for the halted RUN", irq_seconds);
	close(fd);
	return check_summary("irq_thread");
}
