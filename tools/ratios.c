/*
 * ratios - how much slower one configuration is than another, with a
 * bootstrap confidence interval that resamples boots.
 *
 * usage: ratios -b REPS_PER_BOOT -R REFERENCES [-n RESAMPLES] [-s SEED]
 *               [FILE]
 *
 * FILE is a raw.csv of scripts/run-matrix.sh (config,benchmark,metric,
 * unit,rep,value; standard input when absent or "-"), where boot b's
 * repetition r is numbered (b-1)*REPS_PER_BOOT+r.  REFERENCES names the
 * configurations others are compared with, comma-separated, in order.
 *
 * For every reference R, every other configuration C (except a reference
 * listed before R: that pair is already there, the other way round), and
 * every time series (metric ns_* or ms_*) both have with the same unit, it
 * prints
 *
 *   benchmark,metric,config,reference,ratio,ci_low,ci_high
 *
 * ratio = median(C) / median(R), the medians of all repetitions as in
 * summary.csv.  The interval is a percentile bootstrap at 95 %.  The boots
 * of a configuration are its independent samples (repetitions in one boot
 * share its page cache, its host timer's phase and the host's load of the
 * moment), so one resample draws, with replacement, as many of C's boots
 * as C has and as many of R's as R has, each drawn boot with all of its
 * repetitions, and takes the ratio of the two medians.  The RESAMPLES
 * ratios (default 10000) are sorted and the interval is the k-th smallest
 * and the k-th largest, k = floor(RESAMPLES * 0.025) + 1.  The generator
 * (splitmix64) starts from SEED (default 1) for every row, so a row's
 * interval depends only on its two series: the same input always gives
 * the same file.  With one boot on each side there is nothing to resample
 * and the interval is the ratio itself: that says "too few boots", never
 * "certain".
 *
 * Exit status: 0 success, 1 bad input (message on stderr), 2 bad usage.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool-common.h"

#define RAW_HEADER	"config,benchmark,metric,unit,rep,value"
#define RATIOS_HEADER	"benchmark,metric,config,reference,ratio,ci_low,ci_high"
#define MAX_LINE	4096
#define MAX_REFS	16

/*
 * One series: a configuration's repetitions of one benchmark's metric,
 * kept in file order with the boot each came from.
 */
struct series {
	char *config, *benchmark, *metric, *unit;
	double *value;
	unsigned long *boot;
	size_t n, cap;
};

static struct series *series;
static size_t nseries, series_cap;

static struct series *series_for(char **f)
{
	struct series *s;
	size_t i;

	for (i = 0; i < nseries; i++) {
		s = &series[i];
		if (!strcmp(s->config, f[0]) && !strcmp(s->benchmark, f[1]) &&
		    !strcmp(s->metric, f[2]) && !strcmp(s->unit, f[3]))
			return s;
	}
	if (nseries == series_cap) {
		series_cap = series_cap ? 2 * series_cap : 64;
		series = xrealloc(series, series_cap, sizeof(*series));
	}
	s = &series[nseries++];
	memset(s, 0, sizeof(*s));
	s->config = xstrdup(f[0]);
	s->benchmark = xstrdup(f[1]);
	s->metric = xstrdup(f[2]);
	s->unit = xstrdup(f[3]);
	return s;
}

static void series_add(struct series *s, unsigned long boot, double v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->value = xrealloc(s->value, s->cap, sizeof(*s->value));
		s->boot = xrealloc(s->boot, s->cap, sizeof(*s->boot));
	}
	s->value[s->n] = v;
	s->boot[s->n] = boot;
	s->n++;
}

/* Only times have ratios here: counts are exact and compared as they are. */
static bool is_time(const char *metric)
{
	return !strncmp(metric, "ns_", 3) || !strncmp(metric, "ms_", 3);
}

/* A whole number from 1 up, all digits: repetitions, resamples. */
static bool parse_count(const char *s, unsigned long *out)
{
	char *end;

	if (*s < '1' || *s > '9')
		return false;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return !*end && !errno;
}

static void read_raw(const char *path, unsigned long reps_per_boot)
{
	char line[MAX_LINE + 2];
	unsigned long lineno = 0;
	FILE *in = stdin;

	if (path && strcmp(path, "-")) {
		in = fopen(path, "r");
		if (!in)
			die("%s: %s", path, strerror(errno));
	} else {
		path = "<stdin>";
	}
	while (fgets(line, sizeof(line), in)) {
		char *f[6], *p = line, *end;
		unsigned long rep;
		size_t len = strlen(line);
		double v;
		int n = 0;

		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(in))
			die("%s:%lu: line longer than %d characters", path,
			    lineno, MAX_LINE);
		if (lineno == 1) {
			if (strcmp(line, RAW_HEADER))
				die("%s:1: header is not '%s'", path, RAW_HEADER);
			continue;
		}
		if (!len)
			continue;
		for (;;) {
			if (n == 6)
				die("%s:%lu: more than 6 fields", path, lineno);
			f[n++] = p;
			p = strchr(p, ',');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (n != 6)
			die("%s:%lu: %d fields, want 6 (%s)", path, lineno, n,
			    RAW_HEADER);
		if (!*f[0] || !*f[1] || !*f[2] || !*f[3])
			die("%s:%lu: an empty name", path, lineno);
		if (!parse_count(f[4], &rep))
			die("%s:%lu: repetition '%s' is not a whole number from 1",
			    path, lineno, f[4]);
		errno = 0;
		v = strtod(f[5], &end);
		if (!*f[5] || *end || errno || !isfinite(v))
			die("%s:%lu: value '%s' is not a finite number",
			    path, lineno, f[5]);
		if (is_time(f[2]) && v <= 0)
			die("%s:%lu: a time of %s is not a time", path,
			    lineno, f[5]);
		series_add(series_for(f), (rep - 1) / reps_per_boot, v);
	}
	if (ferror(in))
		die("%s: read error", path);
	if (!lineno)
		die("%s: empty, want the header '%s'", path, RAW_HEADER);
	if (in != stdin)
		fclose(in);
}

/* ---- one series, as boots ----------------------------------------------- */

/*
 * A series regrouped by boot: the values of boot i are
 * value[first[i]] .. value[first[i + 1] - 1].
 */
struct boots {
	double *value;
	size_t *first;
	size_t nboots, n;
};

static void boots_of(const struct series *s, struct boots *out)
{
	size_t *order = xrealloc(NULL, s->n, sizeof(*order));
	size_t i, j;

	/* Order by boot, file order within a boot (insertion sort: small). */
	for (i = 0; i < s->n; i++) {
		for (j = i; j > 0 && s->boot[order[j - 1]] > s->boot[i]; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	out->value = xrealloc(NULL, s->n, sizeof(*out->value));
	out->first = xrealloc(NULL, s->n + 1, sizeof(*out->first));
	out->nboots = 0;
	out->n = s->n;
	for (i = 0; i < s->n; i++) {
		out->value[i] = s->value[order[i]];
		if (!i || s->boot[order[i]] != s->boot[order[i - 1]])
			out->first[out->nboots++] = i;
	}
	out->first[out->nboots] = s->n;
	free(order);
}

static void boots_free(struct boots *b)
{
	free(b->value);
	free(b->first);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n-1], as benchcsv summarize takes it; sorts v. */
static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the bootstrap -------------------------------------------------------- */

/* splitmix64: small, fast, and the same numbers on every machine. */
static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A whole number below n, n small: the bias of the modulo is negligible. */
static size_t rng_below(size_t n)
{
	return (size_t)(rng_next() % n);
}

/*
 * The median of one resample of b: b->nboots boots drawn with replacement,
 * each with all of its values, gathered in scratch (resample_room()).
 */
static double resampled_median(const struct boots *b, double *scratch)
{
	size_t i, k, m = 0;

	for (i = 0; i < b->nboots; i++) {
		k = rng_below(b->nboots);
		memcpy(scratch + m, b->value + b->first[k],
		       (b->first[k + 1] - b->first[k]) * sizeof(*scratch));
		m += b->first[k + 1] - b->first[k];
	}
	return median(scratch, m);
}

/* Room for any resample of b: every draw the largest boot. */
static size_t resample_room(const struct boots *b)
{
	size_t i, most = 0;

	for (i = 0; i < b->nboots; i++)
		if (b->first[i + 1] - b->first[i] > most)
			most = b->first[i + 1] - b->first[i];
	return most * b->nboots;
}

static void print_ratio(const struct series *c, const struct series *r,
			unsigned long resamples, uint64_t seed)
{
	struct boots bc, br;
	double *sc, *sr, *ratio, point, med_r;
	unsigned long i, k;

	boots_of(c, &bc);
	boots_of(r, &br);
	sc = xrealloc(NULL, resample_room(&bc), sizeof(*sc));
	sr = xrealloc(NULL, resample_room(&br), sizeof(*sr));
	ratio = xrealloc(NULL, resamples, sizeof(*ratio));

	memcpy(sc, bc.value, bc.n * sizeof(*sc));
	memcpy(sr, br.value, br.n * sizeof(*sr));
	point = median(sc, bc.n) / median(sr, br.n);

	rng_state = seed;
	for (i = 0; i < resamples; i++) {
		/* Both medians drawn in a fixed order: C's boots, then R's. */
		double med_c = resampled_median(&bc, sc);

		med_r = resampled_median(&br, sr);
		ratio[i] = med_c / med_r;
	}
	qsort(ratio, resamples, sizeof(*ratio), cmp_double);
	k = resamples / 40;	/* floor(resamples * 0.025) */
	printf("%s,%s,%s,%s,%.4f,%.4f,%.4f\n", c->benchmark, c->metric,
	       c->config, r->config, point, ratio[k], ratio[resamples - 1 - k]);

	free(ratio);
	free(sc);
	free(sr);
	boots_free(&bc);
	boots_free(&br);
}

static const struct series *find(const char *config, const struct series *like)
{
	size_t i;

	for (i = 0; i < nseries; i++)
		if (!strcmp(series[i].config, config) &&
		    !strcmp(series[i].benchmark, like->benchmark) &&
		    !strcmp(series[i].metric, like->metric) &&
		    !strcmp(series[i].unit, like->unit))
			return &series[i];
	return NULL;
}

/* The configurations in order of first appearance. */
static size_t configs(const char **out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < nseries; i++) {
		for (j = 0; j < n && strcmp(out[j], series[i].config); j++)
			;
		if (j == n) {
			if (n == max)
				die("more than %zu configurations", max);
			out[n++] = series[i].config;
		}
	}
	return n;
}

static const char usage_text[] =
	"usage: ratios -b REPS_PER_BOOT -R REFERENCES [-n RESAMPLES] [-s SEED] [FILE]\n"
	"\n"
	"For every time series of a run-matrix.sh raw.csv, the ratio of each\n"
	"configuration's median to each reference's (REFERENCES, comma-separated)\n"
	"with a 95 % percentile bootstrap interval over boots, as\n"
	RATIOS_HEADER "\n"
	"(default 10000 resamples, seed 1).\n";

static void __attribute__((noreturn)) usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long reps_per_boot = 0, resamples = 10000, seed = 1;
	const char *refs[MAX_REFS], *cfg[64];
	char *ref_list = NULL, *tok, *save;
	size_t nrefs = 0, ncfg, i, j, x;
	int opt;

	tool_name = "ratios";
	while ((opt = getopt(argc, argv, "b:R:n:s:h")) != -1) {
		switch (opt) {
		case 'b':
			if (!parse_count(optarg, &reps_per_boot))
				usage();
			break;
		case 'R':
			ref_list = optarg;
			break;
		case 'n':
			/* The interval's ends need 40 resamples at least. */
			if (!parse_count(optarg, &resamples) || resamples < 40)
				usage();
			break;
		case 's':
			if (!parse_count(optarg, &seed))
				usage();
			break;
		default:
			usage();
		}
	}
	if (!reps_per_boot || !ref_list || argc - optind > 1)
		usage();
	for (tok = strtok_r(ref_list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (nrefs == MAX_REFS)
			usage();
		refs[nrefs++] = tok;
	}
	if (!nrefs)
		usage();

	read_raw(argc > optind ? argv[optind] : NULL, reps_per_boot);
	ncfg = configs(cfg, sizeof(cfg) / sizeof(*cfg));

	puts(RATIOS_HEADER);
	for (i = 0; i < nrefs; i++) {
		for (j = 0; j < ncfg; j++) {
			bool earlier_ref = false;
			size_t k;

			if (!strcmp(cfg[j], refs[i]))
				continue;
			for (k = 0; k < i; k++)
				earlier_ref |= !strcmp(cfg[j], refs[k]);
			if (earlier_ref)
				continue;
			for (x = 0; x < nseries; x++) {
				const struct series *r;

				if (strcmp(series[x].config, cfg[j]) ||
				    !is_time(series[x].metric))
					continue;
				r = find(refs[i], &series[x]);
				if (r)
					print_ratio(&series[x], r, resamples,
						    seed);
			}
		}
	}

	/* A full disk must not look like a successful run. */
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "ratios: write error: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
