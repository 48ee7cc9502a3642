// SPDX-License-Identifier: GPL-2.0
/*
 * mm_stress: runs in the Linux guest (tests/vm/test_linux_guest_stress.sh)
 * and checks user memory through fork, exec, mmap and munmap.  Under lguest
 * the host's shadow page tables are a TLB the guest must flush; an entry
 * left stale by a missed flush shows here as wrong data, not as a crash:
 *
 * - a child's copy-on-write writes must not show in its parent, nor the
 *   parent's later writes in the child;
 * - memory mapped again where an unmapped region was must read as zero,
 *   never as the old region's bytes;
 * - an exec'd image starts with its own fresh memory (the child re-runs
 *   this program in "exec" mode, which maps, fills and checks its own).
 *
 * usage: mm_stress [ITERATIONS]      (default 100)
 *        mm_stress exec SEED         (the exec'd child's side)
 * Prints one line and exits 0 when every check held, 1 otherwise.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE		4096u
#define MAX_PAGES	64u

static unsigned long errors;

static uint32_t next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Every word of page @i gets a value that names @tag and the page. */
static void fill(uint32_t *p, unsigned int pages, uint32_t tag)
{
	unsigned int i, w;

	for (i = 0; i < pages; i++)
		for (w = 0; w < PAGE / 4; w += 64)
			p[i * (PAGE / 4) + w] = tag ^ (i * 2654435761u) ^ w;
}

/* Counts (and reports the first of) the words that are not @tag's. */
static unsigned long check(const uint32_t *p, unsigned int first,
			   unsigned int pages, uint32_t tag, const char *what)
{
	unsigned long bad = 0;
	unsigned int i, w;

	for (i = first; i < first + pages; i++)
		for (w = 0; w < PAGE / 4; w += 64) {
			uint32_t want = tag ? tag ^ (i * 2654435761u) ^ w : 0;
			uint32_t got = p[i * (PAGE / 4) + w];

			if (got != want && !bad++)
				printf("mm_stress: %s: page %u word %u is %#x, want %#x\n",
				       what, i, w, got, want);
		}
	return bad;
}

static void *map(unsigned int pages, void *hint)
{
	void *p = mmap(hint, pages * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mm_stress: mmap");
		exit(1);
	}
	return p;
}

/* The exec'd side: fresh memory, filled and read back. */
static int exec_mode(uint32_t seed)
{
	uint32_t *p = map(MAX_PAGES, NULL);
	unsigned long bad = check(p, 0, MAX_PAGES, 0, "exec: fresh memory");

	fill(p, MAX_PAGES, seed);
	bad += check(p, 0, MAX_PAGES, seed, "exec: own writes");
	return bad ? 1 : 0;
}

static void one_round(uint32_t *rng, unsigned int round)
{
	unsigned int pages = 1 + next_rand(rng) % MAX_PAGES, half = pages / 2;
	uint32_t parent_tag = next_rand(rng) | 1, child_tag = next_rand(rng) | 1;
	uint32_t *p = map(pages, NULL);
	char seed[16];
	int status;
	pid_t pid;

	fill(p, pages, parent_tag);
	pid = fork();
	if (pid < 0) {
		perror("mm_stress: fork");
		exit(1);
	}
	if (pid == 0) {
		unsigned long bad = check(p, 0, pages, parent_tag, "child: parent's data");

		/* Copy-on-write: the first half becomes ours. */
		fill(p, half, child_tag);
		bad += check(p, 0, half, child_tag, "child: own writes");
		bad += check(p, half, pages - half, parent_tag, "child: untouched half");
		if (bad)
			_exit(1);
		if (round % 4 == 0) {
			snprintf(seed, sizeof(seed), "%u", child_tag);
			execl("/proc/self/exe", "mm_stress", "exec", seed, (char *)NULL);
			perror("mm_stress: exec");
			_exit(1);
		}
		_exit(0);
	}
	/* The parent writes the second half meanwhile: the child must not see it. */
	fill(p + half * (PAGE / 4), pages - half, parent_tag ^ 0x5a5a5a5a);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		printf("mm_stress: round %u: child failed (status %#x)\n", round, status);
		errors++;
	}
	errors += check(p, 0, half, parent_tag, "parent: after the child's writes");
	errors += check(p + half * (PAGE / 4), 0, pages - half,
			parent_tag ^ 0x5a5a5a5a, "parent: own later writes");
	/* Unmapped, then mapped again in the same place: zeroes only. */
	if (munmap(p, pages * PAGE)) {
		perror("mm_stress: munmap");
		exit(1);
	}
	p = map(pages, p);
	errors += check(p, 0, pages, 0, "remapped memory");
	if (munmap(p, pages * PAGE)) {
		perror("mm_stress: munmap");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	unsigned int rounds = 100, i;
	uint32_t rng = 0x12345679u;

	if (argc == 3 && !strcmp(argv[1], "exec"))
		return exec_mode((uint32_t)strtoul(argv[2], NULL, 10));
	if (argc == 2)
		rounds = (unsigned int)strtoul(argv[1], NULL, 10);
	else if (argc != 1) {
		fprintf(stderr, "usage: mm_stress [ITERATIONS] | mm_stress exec SEED\n");
		return 2;
	}
	for (i = 0; i < rounds; i++)
		one_round(&rng, i);
	printf("mm_stress: %u rounds, %lu errors\n", rounds, errors);
	return errors ? 1 : 0;
}
