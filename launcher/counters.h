/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's world-switch counters as one machine-readable line:
 *
 *	LGUEST-COUNTERS world_switches=N exits_irq=N exits_other=N
 *	async_hcalls=N faults_fixed=N faults_reflected=N traps_delivered=N
 *	irqs_delivered=N fastpath_reflected=N
 *
 * (all on one line) then " trap<V>=N" for each non-zero exits_trap[V],
 * " hcall_<name>=N" for each non-zero exits_hcall[] and
 * " fastpath_fallback<i>=N" for each non-zero fastpath_fallback[i].
 */
#ifndef LAUNCHER_COUNTERS_H
#define LAUNCHER_COUNTERS_H

#include <stddef.h>

#include "../module/uapi/lguest.h"

/* Enough for every field at its largest value, plus the NUL. */
#define COUNTERS_LINE_MAX	4096

/* Lower-case name of hypercall @nr, as in "hcall_set_pte"; NULL if none. */
const char *hcall_name(unsigned int nr);

/*
 * Writes the line, without a newline, into @buf of @len bytes.  Returns its
 * length, or -1 if it does not fit.
 */
int counters_format(const struct lguest_counters *c, char *buf, size_t len);

#endif /* LAUNCHER_COUNTERS_H */
