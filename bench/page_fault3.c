// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault3 (will-it-scale): write faults on a shared file mapping;
 * the page cache page itself is mapped writable, no copy is made.
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault3",
	.kind = BENCH_FAULT_ITER,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 128ULL << 20,
};

int main(int argc, char **argv)
{
	return bench_fault_main(&desc, argc, argv, PROT_READ | PROT_WRITE,
				MAP_SHARED, 1);
}
