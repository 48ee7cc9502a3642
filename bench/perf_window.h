/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf stat's windows: under `perf-count faults` (initramfs/perf-count.sh)
 * perf starts with its counters off, and the program turns them on for
 * each measured repetition only, so perf's page-fault counts and
 * getrusage's cover the same instructions.
 */
#ifndef BENCH_PERF_WINDOW_H
#define BENCH_PERF_WINDOW_H

/* The faults getrusage saw in the measured repetitions so far. */
struct bench_perf_window {
	long f0;	/* at the current repetition's start */
	long faults;	/* over the finished ones */
};

/* Reads BENCH_PERF_CTL=CTL_FD,ACK_FD; without it, every call is a no-op. */
void bench_perf_init(void);
void bench_perf_begin(struct bench_perf_window *w);
void bench_perf_end(struct bench_perf_window *w);
/* Prints BENCH-FAULTS,NAME,COUNT for perf-count to compare. */
void bench_perf_report(const char *name, const struct bench_perf_window *w);

#endif
