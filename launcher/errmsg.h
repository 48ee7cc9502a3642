/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The launcher's checks are pure functions: instead of printing, they fill a
 * caller's ERR_MAX-byte buffer and return -1, so unit tests can look at the
 * text and main() alone decides where it goes and with which exit status.
 */
#ifndef LAUNCHER_ERRMSG_H
#define LAUNCHER_ERRMSG_H

#define ERR_MAX		256

/* Exit statuses (the last two as in sysexits.h). */
#define EXIT_USAGE	2	/* bad option or bad input, nothing run */
#define EXIT_KILLED	70	/* the host killed the guest */
#define EXIT_OSERR	71	/* a system call failed */

/* Formats into @err (ERR_MAX bytes) and returns -1 for "return seterr()". */
int seterr(char *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* LAUNCHER_ERRMSG_H */
