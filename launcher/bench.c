// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "errmsg.h"

int bench_check_name(const char *name, size_t len, char *err)
{
	size_t i;

	if (len == 0)
		return seterr(err, "empty name");
	if (len >= BENCH_NAME_MAX)
		return seterr(err, "name longer than %zu bytes",
			      BENCH_NAME_MAX - 1);
	for (i = 0; i < len; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_'))
			return seterr(err, "name has byte 0x%02x, not [A-Za-z0-9_]",
				      (unsigned char)c);
	}
	return 0;
}

int bench_check_unit(const char *unit, size_t len, char *err)
{
	if ((len == 2 && !strncmp(unit, "op", 2)) ||
	    (len == 4 && !strncmp(unit, "page", 4)))
		return 0;
	return seterr(err, "unit '%.*s' is neither op nor page", (int)len,
		      unit);
}

struct bench_state *bench_find(struct bench_state *s, unsigned int n,
			       const struct lguest_bench_window *w, char *err)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(s[i].want.benchmark, w->benchmark))
			return &s[i];
	seterr(err, "bench window %s rep %u: the runner did not ask for %s",
	       w->benchmark, w->rep, w->benchmark);
	return NULL;
}

/* The name must be [A-Za-z0-9_]+ and NUL-terminated inside its array. */
static int check_name(const struct lguest_bench_window *w, char *err)
{
	size_t n = strnlen(w->benchmark, sizeof(w->benchmark));
	char why[ERR_MAX];

	if (n == sizeof(w->benchmark))
		return seterr(err, "bench window: name not NUL-terminated within %zu bytes",
			      sizeof(w->benchmark));
	if (bench_check_name(w->benchmark, n, why))
		return seterr(err, "bench window: %s", why);
	return 0;
}

enum window_kind bench_read_window(const void *mem, uint32_t mem_size,
				   uint32_t gpa, struct lguest_bench_window *w,
				   char *err)
{
	if ((uint64_t)gpa + sizeof(*w) > mem_size)
		return WINDOW_NONE;
	memcpy(w, (const char *)mem + gpa, sizeof(*w));
	if (w->magic != LGUEST_WINDOW_MAGIC)
		return WINDOW_NONE;
	if (check_name(w, err))
		return WINDOW_BAD;
	if (w->phase == 0)
		return WINDOW_BEGIN;
	if (w->phase != 1) {
		seterr(err, "bench window %s: phase %u is neither 0 nor 1",
		       w->benchmark, w->phase);
		return WINDOW_BAD;
	}
	if (w->ops == 0) {
		seterr(err, "bench window %s rep %u: no operations",
		       w->benchmark, w->rep);
		return WINDOW_BAD;
	}
	return WINDOW_END;
}

int bench_begin(struct bench_state *s, const struct lguest_bench_window *w,
		const struct lguest_counters *now, char *err)
{
	int replaced = 0;

	if (strcmp(w->benchmark, s->want.benchmark))
		return seterr(err, "bench window %s rep %u: the runner asked for %s",
			      w->benchmark, w->rep, s->want.benchmark);
	if (s->recorded == s->want.reps)
		return seterr(err, "bench window %s rep %u: all %u asked for are recorded",
			      w->benchmark, w->rep, s->want.reps);
	if (w->rep != s->recorded + 1)
		return seterr(err, "bench window %s rep %u: the next is rep %u",
			      w->benchmark, w->rep, s->recorded + 1);
	if (s->open) {
		seterr(err, "bench window %s rep %u began again before it ended",
		       w->benchmark, w->rep);
		replaced = 1;
	}
	s->open = true;
	s->begin = *w;
	s->at_begin = *now;
	return replaced;
}

/* The window's lines: every group per UNIT, or world switches per op. */
static void format_lines(const struct bench_state *s, uint32_t rep,
			 const struct lguest_counters *now, char *lines)
{
	struct bench_exits b, e;
	unsigned int k, kinds = s->want.unit[0] ? BENCH_EXIT_KINDS : 1;
	const char *unit = s->want.unit[0] ? s->want.unit : "op";
	size_t used = 0;

	bench_exits_group(&s->at_begin, &b);
	bench_exits_group(now, &e);
	lines[0] = '\0';
	for (k = 0; k < kinds; k++)
		used += snprintf(lines + used, BENCH_LINES_MAX - used,
				 "BENCH,%s,%s_per_%s,%s,%u,%.3f\n",
				 s->want.benchmark, bench_exit_names[k], unit,
				 bench_exit_unit(k), rep,
				 (e.n[k] - b.n[k]) / s->want.ops);
}

int bench_end(struct bench_state *s, const struct lguest_bench_window *w,
	      const struct lguest_counters *now, char *lines, char *err)
{
	if (!s->open)
		return seterr(err, "bench window %s rep %u ended but never began",
			      w->benchmark, w->rep);
	if (strcmp(s->begin.benchmark, w->benchmark) ||
	    s->begin.rep != w->rep)
		return seterr(err, "bench window %s rep %u ended while %s rep %u is open",
			      w->benchmark, w->rep, s->begin.benchmark,
			      s->begin.rep);
	if (w->ops != s->want.ops)
		return seterr(err, "bench window %s rep %u claims %u operations, the runner asked for %u",
			      w->benchmark, w->rep, w->ops, s->want.ops);
	format_lines(s, w->rep, now, lines);
	s->open = false;
	s->recorded++;
	return 0;
}
