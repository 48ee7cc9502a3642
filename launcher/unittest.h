/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The small harness the launcher's unit tests (tests/unit/test_launcher_*.c)
 * share: each failed check prints "FAIL: ...", and check_summary() prints
 * "<name>: N checks, M failed" and gives the exit status.
 */
#ifndef LAUNCHER_UNITTEST_H
#define LAUNCHER_UNITTEST_H

void check(int ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* @got must contain @needle; NULL @got fails. */
void check_contains(const char *got, const char *needle, const char *what);
int check_summary(const char *name);

#endif /* LAUNCHER_UNITTEST_H */
