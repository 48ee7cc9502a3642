// SPDX-License-Identifier: GPL-2.0
/*
 * The console: one write of the largest size the ABI allows, starting in the
 * middle of a page so that it spans two.  The runner checks that its first
 * and last lines reached the launcher's output.
 */
#include "hcall.h"
#include "printf.h"
#include "report.h"

#define LINE	64
#define LINES	(LGUEST_DATA_MAX / LINE)

/* Two pages, used from the middle of the first. */
static char buf[2 * PAGE_SIZE] __aligned(PAGE_SIZE);

int main(void)
{
	char *text = buf + PAGE_SIZE / 2;
	unsigned int i, j;
	long ret;

	for (i = 0; i < LINES; i++) {
		char *line = text + i * LINE;
		int n = snprintf(line, LINE, "console line %02u:", i);

		for (j = (u32)n; j < LINE - 1; j++)
			line[j] = (char)('a' + (i + j) % 26);
		line[LINE - 1] = '\n';
	}
	ret = hcall2(LHCALL_CONSOLE_WRITE, __pa(text), LGUEST_DATA_MAX);
	report(ret >= 0, "console_write_max", "returned %d", (int)ret);

	ret = hcall2(LHCALL_CONSOLE_WRITE, __pa("console short write\n"), 20);
	report(ret >= 0, "console_write_short", "returned %d", (int)ret);
	return report_summary();
}
