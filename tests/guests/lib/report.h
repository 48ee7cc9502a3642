/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test reporting, one line per check on the console:
 *
 *	PASS: <name>
 *	FAIL: <name>: <detail>
 *	# <information>
 *	SUMMARY: <passed> passed, <failed> failed
 *
 * Names are [a-z0-9_]+.  A guest's main() ends with "return report_summary();",
 * which makes the shutdown status 0 only if at least one check ran and none
 * failed.
 */
#ifndef GUEST_REPORT_H
#define GUEST_REPORT_H

#include "guest.h"

/* Records one check; the detail is printed only when it failed. */
bool report(bool ok, const char *name, const char *fmt, ...) __printf(3, 4);
/* The common case: a value against the one expected. */
bool report_eq(const char *name, u32 got, u32 want);
void report_info(const char *fmt, ...) __printf(1, 2);
/* "<prefix>_<suffix>" for families of checks; valid until the next call. */
const char *report_name(const char *prefix, const char *suffix);
int report_summary(void);
/* A failure that leaves nothing sensible to test: report it and stop. */
void report_abort(const char *fmt, ...) __printf(1, 2) __noreturn;

#endif
