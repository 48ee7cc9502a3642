/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output on the launcher's console.  The format language is small:
 * %d %u %x %s %c %p and %%, with an optional '0' flag and a field width.
 */
#ifndef GUEST_PRINTF_H
#define GUEST_PRINTF_H

#include "guest.h"

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vprintf(const char *fmt, va_list ap);
int printf(const char *fmt, ...) __printf(1, 2);
/* Writes raw bytes, LGUEST_DATA_MAX at a time. */
void console_write(const char *s, size_t len);

#endif
