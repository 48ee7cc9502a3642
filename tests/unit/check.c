// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static unsigned int checks, failed;

void check(int ok, const char *fmt, ...)
{
	va_list ap;

	checks++;
	if (ok)
		return;
	failed++;
	printf("FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void check_contains(const char *got, const char *needle, const char *what)
{
	check(got && strstr(got, needle), "%s: '%s' does not contain '%s'",
	      what, got ? got : "(null)", needle);
}

int check_summary(const char *name)
{
	printf("%s: %u checks, %u failed\n", name, checks, failed);
	return failed ? 1 : 0;
}
