/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the /dev/lguest tests that run a real guest share: the guest is
 * tests/guests/wait_irq.c, loaded by the launcher's own code, and checks
 * report through the unit tests' harness (tests/unit/check.h).  Anything
 * that stops a test from testing exits with status 2.
 */
#ifndef TESTS_ABI_H
#define TESTS_ABI_H

#include <stdint.h>

#include "load.h"

#define WAIT_IRQ_ELF	"/lguest/guests/wait_irq.elf"
#define SPIN_IRQ_ELF	"/lguest/guests/spin_irq.elf"
#define SINGLE_STEP_ELF	"/lguest/guests/single_step.elf"

/* Opens /dev/lguest. */
int abi_open(void);
/* Loads guest @elf with @cmdline into @mem_size bytes of new memory. */
void abi_load_elf(const char *elf, const char *cmdline, uint32_t mem_size,
		  struct guest *g);
/* The same for wait_irq. */
void abi_load(const char *cmdline, uint32_t mem_size, struct guest *g);
/*
 * LGUEST_IOC_RUN until an exit other than console output, which goes to
 * stdout; returns what the last RUN did (its errno on failure).
 */
int abi_run(int fd, struct lguest_exit *e);
/* Checks that the guest ran to its end and shut down with status 0. */
void abi_expect_shutdown(const char *what, int err, const struct lguest_exit *e);
/* Pins the calling thread to one CPU; exits with status 2 if it cannot. */
void abi_pin(int cpu);
/* CLOCK_MONOTONIC, in seconds. */
double abi_now(void);
/*
 * A hardware watchpoint of this task's (perf) on writes from user space to
 * the word at @addr; returns its perf file, which counts the hits, or
 * exits with status 2 if none can be had.
 */
int abi_watch(volatile int *addr);

#endif /* TESTS_ABI_H */
