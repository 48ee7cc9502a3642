/*
 * cycle-projection - project a run's path lengths and event counts to
 * cycles on a real CPU, through a cost model.  A projection, never a
 * measurement: every cycle it prints comes from the model's ranges.
 *
 * usage: cycle-projection MODEL SUMMARY EVENTS OUTDIR
 *
 *   MODEL    the cost model (bench/cycle-model.csv): one row per event
 *            class with its cycles, plus the TLB refill cost, the pages a
 *            path touches after a flush and the rest of the path's
 *            instructions per cycle
 *   SUMMARY  a run's summary.csv; its instructions_per_<unit> rows (from
 *            the icount pass) are the path lengths
 *   EVENTS   a run's events.csv (config,benchmark,event,count_per_unit,
 *            unit): what the CPU would charge for, counted per unit
 *
 * It writes OUTDIR/projection.csv (config,benchmark,unit,cycles_low,
 * cycles_high) and OUTDIR/sensitivity.csv (for each model row, the result
 * with that row at its low and at its high value and every other row at
 * its midpoint, largest swing first for each config and benchmark).
 *
 * For one config, benchmark and unit, with c_e the count of event e:
 *
 *   events  = sum of c_e * cycles_e
 *   refills = (sum of c_e * flushes_e) * pages_per_flush * tlb_refill
 *   rest    = (path length - sum of c_e * instructions_e) / rest_ipc
 *
 * and cycles_low takes every range at its cheap end (the IPC at its high
 * end), cycles_high at its dear end.
 *
 * Everything is read and checked before anything is written, and both
 * files are written under temporary names and renamed, so a refusal
 * leaves OUTDIR as it was.
 *
 * Exit status: 0 success, 1 bad input (message on stderr), 2 bad usage.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool-common.h"

#define MAX_LINE	4096
#define MAX_FIELDS	8

#define MODEL_HEADER	"kind,name,low,high,instructions,flushes,source"
#define SUMMARY_HEADER	"config,benchmark,metric,unit,n,median,min,max"
#define EVENTS_HEADER	"config,benchmark,event,count_per_unit,unit"
#define PATH_PREFIX	"instructions_per_"

/* Temporary outputs not renamed yet: a refusal removes them. */
static char *pending[2];

/* Before a refusal's exit: the temporary outputs go. */
static void remove_pending(void)
{
	int i;

	for (i = 0; i < 2; i++)
		if (pending[i])
			unlink(pending[i]);
}

/* ---- reading CSV ------------------------------------------------------ */

/*
 * One input file, read a line at a time.  A line too long or a missing
 * header is a file that is not what we think it is.
 */
struct csv {
	FILE *f;
	const char *name;
	unsigned long lineno;
	char line[MAX_LINE + 2];
};

static void csv_open(struct csv *c, const char *path)
{
	c->f = fopen(path, "r");
	if (!c->f)
		die("%s: %s", path, strerror(errno));
	c->name = path;
	c->lineno = 0;
}

/*
 * The next line that is neither blank nor a "#" comment, without its line
 * ending; false at the end of the file.
 */
static bool csv_next(struct csv *c)
{
	size_t len;

	for (;;) {
		if (!fgets(c->line, sizeof(c->line), c->f)) {
			if (ferror(c->f))
				die("%s: read error", c->name);
			return false;
		}
		c->lineno++;
		len = strlen(c->line);
		if (len == sizeof(c->line) - 1 && c->line[len - 1] != '\n')
			die("%s:%lu: line longer than %d characters",
			    c->name, c->lineno, MAX_LINE);
		while (len > 0 && (c->line[len - 1] == '\n' ||
				   c->line[len - 1] == '\r'))
			c->line[--len] = '\0';
		if (len == 0 || c->line[0] == '#')
			continue;
		return true;
	}
}

static void csv_header(struct csv *c, const char *want)
{
	if (!csv_next(c))
		die("%s: empty, want the header \"%s\"", c->name, want);
	if (strcmp(c->line, want))
		die("%s:%lu: bad header \"%s\", want \"%s\"",
		    c->name, c->lineno, c->line, want);
}

/*
 * Split the current line at commas into at most max fields; with rest set
 * the last field takes the rest of the line, commas and all.  Returns the
 * number of fields.
 */
static int csv_split(struct csv *c, char **field, int max, bool rest)
{
	char *p = c->line;
	int n = 0;

	for (;;) {
		field[n++] = p;
		if (n == max && rest)
			return n;
		p = strchr(p, ',');
		if (!p)
			return n;
		*p++ = '\0';
		if (n == max)
			return n + 1;	/* more than max: the caller refuses */
	}
}

static void csv_fields(struct csv *c, char **field, int want, bool rest)
{
	int n = csv_split(c, field, want, rest);

	if (n != want)
		die("%s:%lu: %s fields, want %d", c->name, c->lineno,
		    n > want ? "too many" : "too few", want);
}

/* A config, benchmark, event or unit name: letters, digits, _ . - */
static void csv_name(struct csv *c, const char *s, const char *what)
{
	const char *p;

	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_.-", *p))
			break;
	if (p == s || *p)
		die("%s:%lu: bad %s \"%s\"", c->name, c->lineno, what, s);
}

/* A finite number that is not negative. */
static double csv_number(struct csv *c, const char *s, const char *what)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (!*s || *end || errno || !isfinite(v))
		die("%s:%lu: bad %s \"%s\"", c->name, c->lineno, what, s);
	if (v < 0)
		die("%s:%lu: negative %s %s", c->name, c->lineno, what, s);
	return v;
}

static void csv_close(struct csv *c)
{
	fclose(c->f);
}

/* ---- the cost model --------------------------------------------------- */

enum kind { EVENT, REFILL, PAGES, IPC, NKINDS };

static const char *const kind_name[NKINDS] = {
	[EVENT] = "event",
	[REFILL] = "refill",
	[PAGES] = "pages",
	[IPC] = "ipc",
};

struct row {
	enum kind kind;
	char *name;
	double low, high;
	double instructions;	/* path instructions one event stands for */
	double flushes;		/* TLB flushes one event causes */
};

static struct row *rows;
static size_t nrows;
/* The one row of each kind but EVENT. */
static size_t single[NKINDS];

static size_t find_row(const char *name)
{
	size_t i;

	for (i = 0; i < nrows; i++)
		if (!strcmp(rows[i].name, name))
			return i;
	return nrows;
}

static void read_model(const char *path)
{
	bool seen[NKINDS] = { false };
	char *f[7];
	struct csv c;
	struct row *r;
	int k;

	csv_open(&c, path);
	csv_header(&c, MODEL_HEADER);
	while (csv_next(&c)) {
		csv_fields(&c, f, 7, true);
		for (k = 0; k < NKINDS; k++)
			if (!strcmp(f[0], kind_name[k]))
				break;
		if (k == NKINDS)
			die("%s:%lu: unknown kind \"%s\"", path, c.lineno, f[0]);
		csv_name(&c, f[1], "row name");
		if (find_row(f[1]) < nrows)
			die("%s:%lu: second row %s", path, c.lineno, f[1]);
		rows = xrealloc(rows, nrows + 1, sizeof(*rows));
		r = &rows[nrows];
		r->kind = k;
		r->name = xstrdup(f[1]);
		r->low = csv_number(&c, f[2], "low");
		r->high = csv_number(&c, f[3], "high");
		if (r->low > r->high)
			die("%s:%lu: %s: low %s above high %s",
			    path, c.lineno, f[1], f[2], f[3]);
		if (k == EVENT) {
			r->instructions = csv_number(&c, f[4], "instructions");
			r->flushes = csv_number(&c, f[5], "flushes");
		} else {
			if (strcmp(f[4], "-") || strcmp(f[5], "-"))
				die("%s:%lu: a %s row has \"-\" for instructions and flushes",
				    path, c.lineno, f[0]);
			if (seen[k])
				die("%s:%lu: second %s row", path, c.lineno, f[0]);
			seen[k] = true;
			single[k] = nrows;
		}
		if (k == IPC && r->low <= 0)
			die("%s:%lu: instructions per cycle must be above 0",
			    path, c.lineno);
		if (!f[6][0])
			die("%s:%lu: %s has no source (a citation, or \"assumption\" and why)",
			    path, c.lineno, f[1]);
		nrows++;
	}
	csv_close(&c);
	for (k = 0; k < NKINDS; k++)
		if (k != EVENT && !seen[k])
			die("%s: no %s row", path, kind_name[k]);
}

/* ---- path lengths and counts ------------------------------------------ */

/* One config, benchmark and unit: its path length and its counts. */
struct point {
	char *config, *benchmark, *unit;
	double path;
	double *count;		/* per model row; events only */
	bool *seen;		/* per model row: events.csv counted it */
	bool counted;		/* events.csv has a row for it */
};

static struct point *points;
static size_t npoints;

static struct point *find_point(const char *config, const char *benchmark,
				const char *unit)
{
	size_t i;

	for (i = 0; i < npoints; i++)
		if (!strcmp(points[i].config, config) &&
		    !strcmp(points[i].benchmark, benchmark) &&
		    !strcmp(points[i].unit, unit))
			return &points[i];
	return NULL;
}

static void read_summary(const char *path)
{
	struct point *p;
	struct csv c;
	char *f[8];
	int i;

	csv_open(&c, path);
	csv_header(&c, SUMMARY_HEADER);
	while (csv_next(&c)) {
		csv_fields(&c, f, 8, false);
		if (strncmp(f[2], PATH_PREFIX, strlen(PATH_PREFIX)))
			continue;
		for (i = 0; i < 4; i++)
			csv_name(&c, f[i], "name");
		if (find_point(f[0], f[1], f[2] + strlen(PATH_PREFIX)))
			die("%s:%lu: second row for %s,%s,%s",
			    path, c.lineno, f[0], f[1], f[2]);
		points = xrealloc(points, npoints + 1, sizeof(*points));
		p = &points[npoints++];
		p->config = xstrdup(f[0]);
		p->benchmark = xstrdup(f[1]);
		p->unit = xstrdup(f[2] + strlen(PATH_PREFIX));
		p->path = csv_number(&c, f[5], "median");
		p->count = xrealloc(NULL, nrows, sizeof(*p->count));
		memset(p->count, 0, nrows * sizeof(*p->count));
		p->seen = xrealloc(NULL, nrows, sizeof(*p->seen));
		memset(p->seen, 0, nrows * sizeof(*p->seen));
		p->counted = false;
	}
	csv_close(&c);
	if (!npoints)
		die("%s: no " PATH_PREFIX "* rows (no icount pass in this run?)",
		    path);
}

/*
 * Counts a run did not record are zero, but a config and benchmark with
 * no row at all has not been counted: it is not projected.  A row for an
 * event the model does not price is refused, not ignored.
 */
static void read_events(const char *path)
{
	struct point *p;
	struct csv c;
	char *f[5];
	size_t r;
	int i;

	csv_open(&c, path);
	csv_header(&c, EVENTS_HEADER);
	while (csv_next(&c)) {
		csv_fields(&c, f, 5, false);
		for (i = 0; i < 3; i++)
			csv_name(&c, f[i], "name");
		csv_name(&c, f[4], "unit");
		r = find_row(f[2]);
		if (r == nrows || rows[r].kind != EVENT)
			die("%s:%lu: event %s has no row in the cost model",
			    path, c.lineno, f[2]);
		p = find_point(f[0], f[1], f[4]);
		if (!p)
			die("%s:%lu: %s,%s counted per %s, but the summary has no "
			    PATH_PREFIX "%s for it", path, c.lineno, f[0], f[1],
			    f[4], f[4]);
		if (p->seen[r])
			die("%s:%lu: second count of %s for %s,%s",
			    path, c.lineno, f[2], f[0], f[1]);
		p->count[r] = csv_number(&c, f[3], "count_per_unit");
		p->seen[r] = true;
		p->counted = true;
	}
	csv_close(&c);
}

/* ---- the projection --------------------------------------------------- */

/* The model's file name, without its folder, for the outputs' headers. */
static const char *model_name;

/* The value each row takes in one evaluation. */
static double *value;

/* Cycles per unit for point p with every row at value[]. */
static double cycles(const struct point *p)
{
	double events = 0, flushes = 0, instructions = 0;
	size_t i;

	for (i = 0; i < nrows; i++) {
		if (rows[i].kind != EVENT)
			continue;
		events += p->count[i] * value[i];
		flushes += p->count[i] * rows[i].flushes;
		instructions += p->count[i] * rows[i].instructions;
	}
	return events + flushes * value[single[PAGES]] * value[single[REFILL]] +
		(p->path - instructions) / value[single[IPC]];
}

/* Every row at its cheap end (cheap = false: at its dear end). */
static void set_all(bool cheap)
{
	size_t i;

	for (i = 0; i < nrows; i++)
		value[i] = cheap == (rows[i].kind != IPC) ?
			rows[i].low : rows[i].high;
}

static void set_mid(void)
{
	size_t i;

	for (i = 0; i < nrows; i++)
		value[i] = (rows[i].low + rows[i].high) / 2;
}

/* Refuse a point whose counts claim more instructions than its path. */
static void check_point(const struct point *p, const char *events)
{
	double instructions = 0;
	size_t i;

	for (i = 0; i < nrows; i++)
		if (rows[i].kind == EVENT)
			instructions += p->count[i] * rows[i].instructions;
	if (instructions > p->path)
		die("%s: %s,%s: the events stand for %g instructions per %s, more than the path length %g",
		    events, p->config, p->benchmark, instructions, p->unit,
		    p->path);
}

struct swing {
	size_t row;
	double at_low, at_high, size;
};

static int by_size(const void *a, const void *b)
{
	const struct swing *x = a, *y = b;

	if (x->size != y->size)
		return x->size < y->size ? 1 : -1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static void write_projection(FILE *f)
{
	const struct point *p;
	double low;
	size_t i;

	fprintf(f, "# projection to cycles through the cost model %s, not a measurement\n",
		model_name);
	fputs("config,benchmark,unit,cycles_low,cycles_high\n", f);
	for (i = 0; i < npoints; i++) {
		p = &points[i];
		if (!p->counted)
			continue;
		set_all(true);
		low = cycles(p);
		set_all(false);
		fprintf(f, "%s,%s,%s,%.1f,%.1f\n", p->config, p->benchmark,
			p->unit, low, cycles(p));
	}
}

static void write_sensitivity(FILE *f)
{
	struct swing *s = xrealloc(NULL, nrows, sizeof(*s));
	const struct point *p;
	size_t i, r;

	fprintf(f, "# projection's sensitivity to %s: one row from low to high, the others at their midpoints\n",
		model_name);
	fputs("config,benchmark,unit,row,cycles_row_low,cycles_row_high,swing\n",
	      f);
	for (i = 0; i < npoints; i++) {
		p = &points[i];
		if (!p->counted)
			continue;
		set_mid();
		for (r = 0; r < nrows; r++) {
			s[r].row = r;
			value[r] = rows[r].low;
			s[r].at_low = cycles(p);
			value[r] = rows[r].high;
			s[r].at_high = cycles(p);
			value[r] = (rows[r].low + rows[r].high) / 2;
			s[r].size = fabs(s[r].at_high - s[r].at_low);
		}
		qsort(s, nrows, sizeof(*s), by_size);
		for (r = 0; r < nrows; r++)
			fprintf(f, "%s,%s,%s,%s,%.1f,%.1f,%.1f\n", p->config,
				p->benchmark, p->unit, rows[s[r].row].name,
				s[r].at_low, s[r].at_high, s[r].size);
	}
	free(s);
}

/*
 * Write dir/name through a temporary file, noted in pending[slot] for the
 * caller to rename once every output is complete.
 */
static void write_temp(int slot, const char *dir, const char *name,
		       void (*write)(FILE *))
{
	size_t n = strlen(dir) + strlen(name) + 32;
	char *tmp = xrealloc(NULL, n, 1);
	FILE *f;

	snprintf(tmp, n, "%s/.%s.tmp%ld", dir, name, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		die("%s: %s", tmp, strerror(errno));
	pending[slot] = tmp;
	write(f);
	if (ferror(f) | fclose(f))
		die("%s: write error", tmp);
}

static void install(int slot, const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = xrealloc(NULL, n, 1);

	snprintf(path, n, "%s/%s", dir, name);
	if (rename(pending[slot], path))
		die("%s: %s", path, strerror(errno));
	free(pending[slot]);
	pending[slot] = NULL;
	free(path);
}

int main(int argc, char **argv)
{
	bool any = false;
	size_t i;

	tool_name = "cycle-projection";
	tool_cleanup = remove_pending;
	if (argc != 5) {
		fputs("usage: cycle-projection MODEL SUMMARY EVENTS OUTDIR\n",
		      stderr);
		return 2;
	}
	model_name = strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1];
	read_model(argv[1]);
	read_summary(argv[2]);
	read_events(argv[3]);
	value = xrealloc(NULL, nrows, sizeof(*value));
	for (i = 0; i < npoints; i++) {
		if (points[i].counted) {
			check_point(&points[i], argv[3]);
			any = true;
		} else {
			fprintf(stderr, "cycle-projection: note: %s,%s: no counts in %s, not projected\n",
				points[i].config, points[i].benchmark, argv[3]);
		}
	}
	if (!any)
		die("%s: no counts for any path length in %s", argv[3], argv[2]);

	write_temp(0, argv[4], "projection.csv", write_projection);
	write_temp(1, argv[4], "sensitivity.csv", write_sensitivity);
	install(0, argv[4], "projection.csv");
	install(1, argv[4], "sensitivity.csv");
	return 0;
}
