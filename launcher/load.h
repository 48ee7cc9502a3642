/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From a guest ELF file to guest memory ready for LGUEST_IOC_INIT: shared
 * by the launcher and the /dev/lguest tests in tests/abi.
 */
#ifndef LAUNCHER_LOAD_H
#define LAUNCHER_LOAD_H

#include <stdint.h>

#include "run.h"

/*
 * Maps @mem_size bytes of fresh guest memory, loads the ELF at @path into
 * it with the boot page tables and boot info (@initrd and @cmdline: NULL
 * for none), and fills @g's mem, mem_size and init.  Returns 0, or with a
 * message in @err EXIT_USAGE (bad input) or EXIT_OSERR (no memory).
 */
int load_guest(const char *path, const char *initrd, const char *cmdline,
	       uint32_t mem_size, struct guest *g, char *err);

#endif /* LAUNCHER_LOAD_H */
