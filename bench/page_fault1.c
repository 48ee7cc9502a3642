// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault1 (will-it-scale): write faults on fresh anonymous private
 * memory, one byte per page, so every page is a zero-fill fault.
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault1",
	.kind = BENCH_FAULT_ITER,
	.uses = BENCH_USES_SIZE,
	.def_size = 128ULL << 20,
};

int main(int argc, char **argv)
{
	return bench_fault_main(&desc, argc, argv, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, 1);
}
