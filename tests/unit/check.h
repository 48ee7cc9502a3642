/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The small harness the C unit tests (tests/unit/test_*.c) share: each
 * failed check prints "FAIL: ...", and check_summary() prints
 * "<name>: N checks, M failed" and gives the exit status.
 */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

void check(int ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* @got must contain @needle; NULL @got fails. */
void check_contains(const char *got, const char *needle, const char *what);
int check_summary(const char *name);

#endif /* TESTS_UNIT_CHECK_H */
