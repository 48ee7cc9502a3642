// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault2 (will-it-scale): write faults on a private file mapping,
 * so each page is copied away from the page cache (copy-on-write).
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault2",
	.kind = BENCH_FAULT_ITER,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 128ULL << 20,
};

int main(int argc, char **argv)
{
	return bench_fault_main(&desc, argc, argv, PROT_READ | PROT_WRITE,
				MAP_PRIVATE, 1);
}
