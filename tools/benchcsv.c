/*
 * benchcsv - turn benchmark console logs into CSV, summarize and check them.
 *
 * usage:
 *   benchcsv extract CONFIG [FILE]
 *   benchcsv extract-host CONFIG [FILE]
 *   benchcsv summarize [FILE]
 *   benchcsv verify EXPECTED_FILE [FILE]
 *
 * FILE defaults to standard input ("-" means standard input too).
 *
 * The benchmark programs run inside a VM and print result lines
 *
 *   BENCH,<benchmark>,<metric>,<unit>,<rep>,<value>
 *
 * on a serial console that also carries kernel messages, so "extract" has
 * to pick those lines out of arbitrary text. Everything after that is plain
 * CSV written by this tool, and is checked just as strictly: a result that
 * silently went missing or was half parsed would make the comparison
 * between native and hypervisor runs meaningless.
 *
 * The console also carries whatever a guest prints, and a guest can print
 * a result line as well as anyone.  So the figures only the host can count
 * (world switches, exits by reason, the Switcher's own work: see
 * host_derived()) are never taken from the console, where the Linux
 * guest's programs print their own reading of them as a cross-check; they
 * come from the launcher's results file, a channel of the host's own,
 * which "extract-host" reads.  Timings and fault counts are the guest's
 * own by nature and come from the console.
 *
 * Exit status: 0 success, 1 bad input (message on stderr, or the problems
 * found by verify on stdout), 2 bad usage.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool-common.h"

/*
 * Console lines are short; a longer "line" means the input is not what we
 * think it is (binary junk, a missing newline), so refuse it rather than
 * guess where the record ends.
 */
#define MAX_LINE	4096

#define RAW_HEADER	"config,benchmark,metric,unit,rep,value"
#define SUMMARY_HEADER	"config,benchmark,metric,unit,n,median,min,max"
#define RESULT_PREFIX	"BENCH,"

static void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void warn(const char *fmt, ...)
{
	va_list ap;

	fputs("benchcsv: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Grow *p (holding *cap elements of size elem) so that it can hold need. */
static void grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elem)
			die("out of memory");
		n *= 2;
	}
	*p = xrealloc(*p, n, elem);
	*cap = n;
}

/* ---- line reader -------------------------------------------------------- */

/*
 * A serial console log may end its lines in "\n", "\r\n", "\r\r\n" or even
 * a bare "\r" (a program returning to column 0), so every CR and LF ends a
 * record. Line numbers count only LFs, so that they match what an editor or
 * `sed -n Np` shows; the records a bare CR splits off share a number.
 */
struct reader {
	FILE *f;
	const char *name;		/* for messages */
	char buf[MAX_LINE + 1];
	size_t len;
	unsigned long lineno;		/* line of the record just read */
	unsigned long next;		/* line the next record starts on */
};

static void reader_open(struct reader *r, const char *path)
{
	if (!path || !strcmp(path, "-")) {
		r->f = stdin;
		r->name = "<stdin>";
	} else {
		r->f = fopen(path, "r");
		if (!r->f)
			die("%s: %s", path, strerror(errno));
		r->name = path;
	}
	r->len = 0;
	r->lineno = 0;
	r->next = 1;
}

static void reader_close(struct reader *r)
{
	if (r->f != stdin)
		fclose(r->f);
}

static bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/*
 * Read the next record into r->buf without its line ending and trailing
 * white space. Returns false at the end of the input.
 */
static bool read_record(struct reader *r)
{
	bool any = false;
	int c;

	r->len = 0;
	r->lineno = r->next;
	for (;;) {
		c = getc(r->f);
		if (c == EOF) {
			if (ferror(r->f))
				die("%s: read error: %s", r->name, strerror(errno));
			if (!any)
				return false;
			break;
		}
		any = true;
		if (c == '\n') {
			r->next++;
			break;
		}
		if (c == '\r') {
			c = getc(r->f);
			if (c == '\n')
				r->next++;
			else if (c != EOF)
				ungetc(c, r->f);
			break;
		}
		if (r->len == MAX_LINE)
			die("%s:%lu: line longer than %d characters",
			    r->name, r->lineno, MAX_LINE);
		r->buf[r->len++] = (char)c;
	}
	while (r->len > 0 && is_space((unsigned char)r->buf[r->len - 1]))
		r->len--;
	r->buf[r->len] = '\0';
	return true;
}

/* A NUL byte would silently cut the record short in every string function. */
static bool has_nul(const struct reader *r)
{
	return memchr(r->buf, '\0', r->len) != NULL;
}

/* ---- field checks ------------------------------------------------------- */

/*
 * Split s in place at commas. Stores at most max field pointers but returns
 * the real number of fields, so that callers can reject too many.
 */
static int split(char *s, char **f, int max)
{
	int n = 0;
	char *comma;

	for (;;) {
		if (n < max)
			f[n] = s;
		n++;
		comma = strchr(s, ',');
		if (!comma)
			return n;
		*comma = '\0';
		s = comma + 1;
	}
}

/* Names end up in CSV cells, file names and plot labels: keep them plain. */
static bool valid_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		char c = *s;

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			return false;
	}
	return true;
}

/* A repetition number: 1 to 999999999, no sign, no leading zero. */
static bool valid_rep(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > 9 || s[0] == '0')
		return false;
	return strspn(s, "0123456789") == n;
}

/*
 * A decimal number such as 1234.567, -2, .5 or 1e6. strtod alone would also
 * take "nan", "inf", hex floats and leading blanks; none of those is a
 * measurement, so check the spelling first. Overflow to infinity is caught
 * by isfinite().
 */
static bool parse_number(const char *s, double *value)
{
	const char *p = s;
	size_t digits = 0;
	char *end;

	if (*p == '+' || *p == '-')
		p++;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return false;
	*value = strtod(s, &end);
	return *end == '\0' && isfinite(*value);
}

/*
 * Check the benchmark, metric, unit, rep and value fields f[0..4] of a
 * result. Returns NULL when they are fine, else what is wrong (in a static
 * buffer, valid until the next call).
 */
static const char *check_result(char **f, double *value)
{
	static const char *const what[] = { "benchmark", "metric", "unit" };
	static char msg[128];
	int i;

	for (i = 0; i < 3; i++) {
		if (!valid_name(f[i])) {
			snprintf(msg, sizeof(msg),
				 "bad %s name '%.40s' (want [A-Za-z0-9_.-]+)",
				 what[i], f[i]);
			return msg;
		}
	}
	if (!valid_rep(f[3])) {
		snprintf(msg, sizeof(msg),
			 "rep '%.40s' is not an integer from 1 to 999999999",
			 f[3]);
		return msg;
	}
	if (!parse_number(f[4], value)) {
		snprintf(msg, sizeof(msg),
			 "value '%.40s' is not a finite decimal number", f[4]);
		return msg;
	}
	return NULL;
}

/* ---- growable output buffer --------------------------------------------- */

struct strbuf {
	char *s;
	size_t len, cap;
};

static void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("formatting output failed");
	grow((void **)&sb->s, &sb->cap, sb->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

/* ---- string -> index hash map ------------------------------------------- */

/*
 * Open addressing, linear probing. Keys are borrowed: the caller keeps them
 * alive (and unmoved) as long as the map. Used so that large inputs with
 * many groups stay linear.
 */
struct map {
	const char **key;
	size_t *val;
	size_t cap;			/* power of two, or 0 */
	size_t used;
};

static size_t hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * (size_t)1099511628211ULL;
	return h;
}

static size_t map_slot(const struct map *m, const char *key)
{
	size_t i = hash(key) & (m->cap - 1);

	while (m->key[i] && strcmp(m->key[i], key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value stored for key, or SIZE_MAX. */
static size_t map_get(const struct map *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return SIZE_MAX;
	i = map_slot(m, key);
	return m->key[i] ? m->val[i] : SIZE_MAX;
}

/* Add key (not yet present) with value val. */
static void map_put(struct map *m, const char *key, size_t val)
{
	size_t i;

	/* Keep the load under a half so probes stay short. */
	if ((m->used + 1) * 2 > m->cap) {
		struct map old = *m;
		size_t j;

		m->cap = old.cap ? old.cap * 2 : 64;
		if (m->cap > SIZE_MAX / sizeof(*m->key))
			die("out of memory");
		m->key = calloc(m->cap, sizeof(*m->key));
		m->val = calloc(m->cap, sizeof(*m->val));
		if (!m->key || !m->val)
			die("out of memory");
		for (j = 0; j < old.cap; j++) {
			if (!old.key[j])
				continue;
			i = map_slot(m, old.key[j]);
			m->key[i] = old.key[j];
			m->val[i] = old.val[j];
		}
		free(old.key);
		free(old.val);
	}
	i = map_slot(m, key);
	m->key[i] = key;
	m->val[i] = val;
	m->used++;
}

static void map_free(struct map *m)
{
	free(m->key);
	free(m->val);
}

/* ---- which figures are whose ------------------------------------------ */

/* A count of exits of one reason, or of what the Switcher did itself. */
static bool may_be_zero(const char *metric)
{
	return !strncmp(metric, "exits_", 6) ||
	       !strncmp(metric, "fastpath_reflected_", 19) ||
	       !strncmp(metric, "exitless_", 9);
}

/* A figure only the host can count: world switches, and the above. */
static bool host_derived(const char *metric)
{
	return !strncmp(metric, "world_switches_", 15) || may_be_zero(metric);
}

/* ---- extract ------------------------------------------------------------ */

/*
 * The console's result lines but the host-derived figures (host == false);
 * or the launcher's results file (host == true), which holds host-derived
 * result lines and nothing else.
 */
static int cmd_extract(const char *config, const char *path, bool host)
{
	struct strbuf out = { 0 };
	struct reader r;
	unsigned long found = 0, ignored = 0, first_ignored = 0;

	if (!valid_name(config))
		die("bad config name '%s' (want [A-Za-z0-9_.-]+)", config);

	reader_open(&r, path);
	while (read_record(&r)) {
		const char *why;
		char *f[6];
		double value;
		int n;

		/*
		 * Only a line that starts with the prefix is a result: when
		 * a kernel message got printed into the middle of ours, the
		 * fields may be cut or mixed, so never try to salvage it.
		 * Say so, though, since it means a result went missing.
		 */
		if (host && r.len && strncmp(r.buf, RESULT_PREFIX,
					     strlen(RESULT_PREFIX)))
			die("%s:%lu: not a result line, in the host's results",
			    r.name, r.lineno);
		if (strncmp(r.buf, RESULT_PREFIX, strlen(RESULT_PREFIX))) {
			if (strstr(r.buf, RESULT_PREFIX))
				warn("%s:%lu: '" RESULT_PREFIX "' not at the start of the line, ignored",
				     r.name, r.lineno);
			continue;
		}
		if (has_nul(&r))
			die("%s:%lu: NUL byte in result line", r.name, r.lineno);
		n = split(r.buf, f, 6);
		if (n != 6)
			die("%s:%lu: result line has %d fields, want 6 (BENCH,benchmark,metric,unit,rep,value)",
			    r.name, r.lineno, n);
		why = check_result(f + 1, &value);
		if (why)
			die("%s:%lu: bad result line: %s", r.name, r.lineno, why);
		if (host && !host_derived(f[2]))
			die("%s:%lu: metric %s is not the host's to count, in the host's results",
			    r.name, r.lineno, f[2]);
		if (!host && host_derived(f[2])) {
			if (!ignored++)
				first_ignored = r.lineno;
			continue;
		}
		sb_printf(&out, "%s,%s,%s,%s,%s,%s\n",
			  config, f[1], f[2], f[3], f[4], f[5]);
		found++;
	}
	reader_close(&r);

	/* Print only once all of it is known good: no partial output. */
	if (out.len)
		fwrite(out.s, 1, out.len, stdout);
	free(out.s);
	if (ignored)
		warn("%s:%lu: %lu result line(s) of host-counted figures ignored: only the host's results file carries those",
		     r.name, first_ignored, ignored);
	if (!found)
		warn("%s: no result lines found", r.name);
	return 0;
}

/* ---- summarize ---------------------------------------------------------- */

struct group {
	char *key;			/* "config,benchmark,metric,unit" */
	double *v;
	size_t n, cap;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Read the header of a raw CSV file and insist it is exactly ours. */
static void expect_header(struct reader *r, const char *header)
{
	if (!read_record(r))
		die("%s: empty input, expected header '%s'", r->name, header);
	if (strcmp(r->buf, header) || has_nul(r))
		die("%s:%lu: bad header '%.80s', expected '%s'",
		    r->name, r->lineno, r->buf, header);
}

/*
 * The next row of a raw.csv body, split into its six fields; false at the
 * end.  Blank lines are skipped; anything else malformed stops us.
 */
static bool next_raw_row(struct reader *r, char *f[6])
{
	int n;

	while (read_record(r)) {
		if (!r->len)
			continue;
		if (has_nul(r))
			die("%s:%lu: NUL byte in row", r->name, r->lineno);
		n = split(r->buf, f, 6);
		if (n != 6)
			die("%s:%lu: row has %d fields, want 6 (" RAW_HEADER ")",
			    r->name, r->lineno, n);
		return true;
	}
	return false;
}

static int cmd_summarize(const char *path)
{
	struct group *g = NULL;
	size_t ng = 0, gcap = 0, i;
	struct map index = { 0 };
	struct reader r;
	char *f[6];

	reader_open(&r, path);
	expect_header(&r, RAW_HEADER);
	while (next_raw_row(&r, f)) {
		char key[MAX_LINE + 1];
		const char *why;
		struct group *gp;
		double value;
		size_t k;

		if (!valid_name(f[0]))
			die("%s:%lu: bad row: bad config name '%.40s'",
			    r.name, r.lineno, f[0]);
		why = check_result(f + 1, &value);
		if (why)
			die("%s:%lu: bad row: %s", r.name, r.lineno, why);

		/* Names cannot hold commas, so the joined key is unique. */
		snprintf(key, sizeof(key), "%s,%s,%s,%s", f[0], f[1], f[2], f[3]);
		k = map_get(&index, key);
		if (k == SIZE_MAX) {
			grow((void **)&g, &gcap, ng + 1, sizeof(*g));
			k = ng++;
			g[k].key = xstrdup(key);
			g[k].v = NULL;
			g[k].n = g[k].cap = 0;
			map_put(&index, g[k].key, k);
		}
		gp = &g[k];
		grow((void **)&gp->v, &gp->cap, gp->n + 1, sizeof(*gp->v));
		gp->v[gp->n++] = value;
	}
	reader_close(&r);

	puts(SUMMARY_HEADER);
	for (i = 0; i < ng; i++) {
		double *v = g[i].v, median;
		size_t n = g[i].n;

		qsort(v, n, sizeof(*v), cmp_double);
		if (n % 2)
			median = v[n / 2];
		else
			median = (v[n / 2 - 1] + v[n / 2]) / 2;
		printf("%s,%zu,%.3f,%.3f,%.3f\n",
		       g[i].key, n, median, v[0], v[n - 1]);
		free(g[i].key);
		free(g[i].v);
	}
	free(g);
	map_free(&index);
	return 0;
}

/* ---- verify ------------------------------------------------------------- */

struct expect {
	char *key;			/* "benchmark,metric" */
	bool seen;
};

/* Read the list of series that must be present. */
static size_t read_expected(const char *path, struct expect **out,
			    struct map *index)
{
	struct expect *e = NULL;
	size_t ne = 0, cap = 0;
	struct reader r;

	reader_open(&r, path);
	while (read_record(&r)) {
		char *s = r.buf, *f[2];
		int n;

		while (is_space((unsigned char)*s))
			s++;
		if (!*s || *s == '#')
			continue;
		if (has_nul(&r))
			die("%s:%lu: NUL byte", r.name, r.lineno);
		n = split(s, f, 2);
		if (n != 2 || !valid_name(f[0]) || !valid_name(f[1]))
			die("%s:%lu: expected 'benchmark,metric'",
			    r.name, r.lineno);
		f[1][-1] = ',';		/* undo the split: s is the key */
		if (map_get(index, s) != SIZE_MAX)
			continue;	/* listed twice: check it once */
		grow((void **)&e, &cap, ne + 1, sizeof(*e));
		e[ne].key = xstrdup(s);
		e[ne].seen = false;
		map_put(index, e[ne].key, ne);
		ne++;
	}
	reader_close(&r);
	if (!ne)
		die("%s: lists no series, nothing to verify", r.name);
	*out = e;
	return ne;
}

static int cmd_verify(const char *expected, const char *path)
{
	struct map index = { 0 };
	struct expect *e;
	struct reader r;
	unsigned long problems = 0;
	size_t ne, i;
	char *f[6];

	ne = read_expected(expected, &e, &index);

	reader_open(&r, path);
	expect_header(&r, RAW_HEADER);
	while (next_raw_row(&r, f)) {
		char key[MAX_LINE + 1];
		double value;
		size_t k;

		snprintf(key, sizeof(key), "%s,%s", f[1], f[2]);
		k = map_get(&index, key);
		if (k == SIZE_MAX)
			continue;	/* not asked about */
		e[k].seen = true;
		/*
		 * Every measurement here is a time or a count per unit of
		 * work, so zero or less means the benchmark did not measure
		 * what it claims (or the parse went wrong somewhere).  The
		 * exits of one reason, and the fastpath's reflections, are
		 * the exception: zero is what many of them should be.
		 */
		if (!parse_number(f[5], &value) ||
		    !(value > 0 || (value == 0 && may_be_zero(f[2])))) {
			printf("bad value: %s = '%s' (config %s, rep %s, line %lu)\n",
			       key, f[5], f[0], f[4], r.lineno);
			problems++;
		}
	}
	reader_close(&r);

	for (i = 0; i < ne; i++) {
		if (!e[i].seen) {
			printf("missing: %s\n", e[i].key);
			problems++;
		}
		free(e[i].key);
	}
	free(e);
	map_free(&index);

	if (problems) {
		fflush(stdout);
		fprintf(stderr, "benchcsv: verify: %lu problem(s) found\n",
			problems);
		return 1;
	}
	printf("verify: %zu expected series present, all values finite and positive\n",
	       ne);
	return 0;
}

/* ---- main --------------------------------------------------------------- */

static const char usage_text[] =
	"usage: benchcsv extract CONFIG [FILE]\n"
	"       benchcsv extract-host CONFIG [FILE]\n"
	"       benchcsv summarize [FILE]\n"
	"       benchcsv verify EXPECTED_FILE [FILE]\n"
	"\n"
	"extract    print the BENCH,... lines of a console log as\n"
	"           CONFIG,benchmark,metric,unit,rep,value rows (no header),\n"
	"           but not the host's figures (world_switches_*, exits_*,\n"
	"           fastpath_reflected_*, exitless_*): on the console they are\n"
	"           the guest's word\n"
	"extract-host  the same rows from the launcher's results file, which\n"
	"           holds only the host's figures\n"
	"summarize  group a raw CSV (header " RAW_HEADER ")\n"
	"           into " SUMMARY_HEADER "\n"
	"verify     check that a raw CSV holds every benchmark,metric pair\n"
	"           listed in EXPECTED_FILE, all with finite values > 0\n"
	"           (exits_*, fastpath_reflected_* and exitless_* counts: >= 0)\n"
	"\n"
	"FILE defaults to standard input.\n";

static void __attribute__((noreturn)) usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *cmd;
	int ret;

	tool_name = "benchcsv";
	if (argc < 2)
		usage();
	cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") ||
	    !strcmp(cmd, "help")) {
		fputs(usage_text, stdout);
		ret = 0;
	} else if (!strcmp(cmd, "extract")) {
		if (argc < 3 || argc > 4)
			usage();
		ret = cmd_extract(argv[2], argc > 3 ? argv[3] : NULL, false);
	} else if (!strcmp(cmd, "extract-host")) {
		if (argc < 3 || argc > 4)
			usage();
		ret = cmd_extract(argv[2], argc > 3 ? argv[3] : NULL, true);
	} else if (!strcmp(cmd, "summarize")) {
		if (argc > 3)
			usage();
		ret = cmd_summarize(argc > 2 ? argv[2] : NULL);
	} else if (!strcmp(cmd, "verify")) {
		if (argc < 3 || argc > 4)
			usage();
		ret = cmd_verify(argv[2], argc > 3 ? argv[3] : NULL);
	} else {
		usage();
	}

	/* A full disk must not look like a successful run. */
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "benchcsv: write error: %s\n", strerror(errno));
		return 1;
	}
	return ret;
}
