// SPDX-License-Identifier: GPL-2.0
/*
 * page_fault4: read faults on a private file mapping.  Fault-around may
 * map up to 16 cached pages per fault, so minflt_per_page is often < 1.
 *
 * Not in will-it-scale's main branch: it follows the test proposed in
 * antonblanchard/will-it-scale pull request #37 (page_fault2 with reads
 * instead of writes), which maps the file read-write as we do.
 */
#include <sys/mman.h>

#include "common.h"

static const struct bench_desc desc = {
	.name = "page_fault4",
	.kind = BENCH_FAULT_ITER,
	.uses = BENCH_USES_SIZE | BENCH_USES_DIR,
	.def_size = 128ULL << 20,
};

int main(int argc, char **argv)
{
	return bench_fault_main(&desc, argc, argv, PROT_READ | PROT_WRITE,
				MAP_PRIVATE, 0);
}
