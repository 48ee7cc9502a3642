/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every results tool (benchcsv, ratios, cycle-projection) needs and
 * none should write again: a fatal error that names the tool, and memory
 * that is there or the tool stops.
 */
#ifndef TOOL_COMMON_H
#define TOOL_COMMON_H

#include <stddef.h>

/* The tool's name, the first word of its messages: each tool sets it. */
extern const char *tool_name;
/* Run before a fatal exit (a tool removes its half-written outputs), or NULL. */
extern void (*tool_cleanup)(void);

/* "<tool>: <message>" on stderr, the cleanup, exit status 1. */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* p grown or shrunk to n elements of size bytes (overflow checked). */
void *xrealloc(void *p, size_t n, size_t size);
char *xstrdup(const char *s);

#endif
