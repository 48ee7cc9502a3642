/* SPDX-License-Identifier: GPL-2.0 */
/* The few string functions a guest needs; the compiler may call them too. */
#ifndef GUEST_STR_H
#define GUEST_STR_H

#include <stddef.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);

#endif
