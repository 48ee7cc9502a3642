// SPDX-License-Identifier: GPL-2.0
/*
 * A launcher with an LDT of its own, as any unprivileged process may have
 * (modify_ldt(2)): "ldt_launcher LAUNCHER-ARGS...".
 *
 * The LDT register holds a linear address in the host's kernel.  Were it
 * still loaded while the guest runs, the CPU would read LDT descriptors
 * through the guest's page tables, from whatever page the guest mapped
 * there: a call gate into the Switcher's ring-0 code segment would be the
 * guest's way to ring 0 (tests/guests/ldt_escape.c tries exactly that).
 * The Switcher runs the guest with no LDT at all, and gives ours back.
 *
 * After the guest, we load our LDT segment and read through it: the host
 * must have restored the register, or that load faults.  Prints
 * "LDT-LAUNCHER ok" then, and exits with the guest's status.
 */
#include <asm/ldt.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "launch.h"

/* Entry 0 of our LDT: a flat data segment; selector 0x7 (TI=1, RPL 3). */
#define LDT_SELECTOR	0x7

static const unsigned int canary = 0x4c445421;	/* "LDT!" */

int main(int argc, char **argv)
{
	struct user_desc d;
	unsigned int seen;
	int status;

	memset(&d, 0, sizeof(d));
	d.entry_number = 0;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	if (syscall(SYS_modify_ldt, 1, &d, sizeof(d)) != 0) {
		perror("ldt_launcher: modify_ldt");
		return 71;
	}

	status = launch(argc, argv);

	asm volatile("movw %w1, %%fs\n\t"
		     "movl %%fs:(%2), %0\n\t"
		     "movw %w3, %%fs"
		     : "=&r"(seen)
		     : "r"(LDT_SELECTOR), "r"(&canary), "r"(0)
		     : "memory");
	if (seen != canary) {
		fprintf(stderr, "ldt_launcher: read %#x through the LDT, not %#x\n",
			seen, canary);
		return 71;
	}
	fprintf(stderr, "LDT-LAUNCHER ok\n");
	return status;
}
