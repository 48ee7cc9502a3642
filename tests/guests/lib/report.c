// SPDX-License-Identifier: GPL-2.0
#include "printf.h"
#include "report.h"

static unsigned int passed, failed;

bool report(bool ok, const char *name, const char *fmt, ...)
{
	char detail[256];
	va_list ap;

	if (ok) {
		passed++;
		printf("PASS: %s\n", name);
		return true;
	}
	failed++;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	printf("FAIL: %s: %s\n", name, detail);
	return false;
}

bool report_eq(const char *name, u32 got, u32 want)
{
	return report(got == want, name, "got 0x%x, want 0x%x", got, want);
}

void report_info(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	printf("# %s\n", line);
}

const char *report_name(const char *prefix, const char *suffix)
{
	static char name[64];

	snprintf(name, sizeof(name), "%s_%s", prefix, suffix);
	return name;
}

int report_summary(void)
{
	printf("SUMMARY: %u passed, %u failed\n", passed, failed);
	return failed || !passed;
}

void report_abort(const char *fmt, ...)
{
	char detail[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	failed++;
	printf("FAIL: abort: %s\n", detail);
	report_summary();
	guest_shutdown(1);
}
