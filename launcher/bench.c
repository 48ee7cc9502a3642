// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "errmsg.h"

/* The name must be [A-Za-z0-9_]+ and NUL-terminated inside its array. */
static int check_name(const struct lguest_bench_window *w, char *err)
{
	size_t i, n = strnlen(w->benchmark, sizeof(w->benchmark));

	if (n == sizeof(w->benchmark))
		return seterr(err, "bench window: name not NUL-terminated within %zu bytes",
			      sizeof(w->benchmark));
	if (n == 0)
		return seterr(err, "bench window: empty name");
	for (i = 0; i < n; i++) {
		char c = w->benchmark[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_'))
			return seterr(err, "bench window: name has byte 0x%02x, not [A-Za-z0-9_]",
				      (unsigned char)c);
	}
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

	if (s->open) {
		seterr(err, "bench window %s rep %u never ended; starting %s rep %u",
		       s->begin.benchmark, s->begin.rep, w->benchmark, w->rep);
		replaced = 1;
	}
	s->open = true;
	s->begin = *w;
	s->at_begin = *now;
	return replaced;
}

int bench_end(struct bench_state *s, const struct lguest_bench_window *w,
	      const struct lguest_counters *now, char *line, char *err)
{
	uint64_t delta;

	if (!s->open)
		return seterr(err, "bench window %s rep %u ended but never began",
			      w->benchmark, w->rep);
	if (strcmp(s->begin.benchmark, w->benchmark) ||
	    s->begin.rep != w->rep)
		return seterr(err, "bench window %s rep %u ended while %s rep %u is open",
			      w->benchmark, w->rep, s->begin.benchmark,
			      s->begin.rep);
	delta = now->world_switches - s->at_begin.world_switches;
	snprintf(line, BENCH_LINE_MAX,
		 "BENCH,%s,world_switches_per_op,switches,%u,%.3f",
		 w->benchmark, w->rep, (double)delta / w->ops);
	s->open = false;
	return 0;
}
