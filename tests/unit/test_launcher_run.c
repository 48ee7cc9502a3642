// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/run.c, without a host: this program defines its
 * own ioctl(), which the static link prefers to the C library's, and plays
 * a scripted host behind /dev/null.  The launcher's stdout, stderr and
 * results file are captured in temporary files and compared.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "run.h"
#include "check.h"

#define MEM_SIZE	(1u << 20)
#define WINDOW_GPA	0x2000u
#define OUT_MAX		8192

/* One answer of the fake host to LGUEST_IOC_RUN. */
struct step {
	int err;			/* fail with this errno instead */
	uint32_t reason, status;
	const char *data;		/* sent without its NUL */
	/* Written to guest memory at WINDOW_GPA first, if set. */
	const struct lguest_bench_window *window;
};

static unsigned char mem[MEM_SIZE];
/* The benchmarks whose windows the next run records (none: nwant 0) ... */
static struct bench_expect want[2];
static unsigned int nwant;
/* ... into this file (a temporary one when NULL), read back into results. */
static const char *results_path;
static char results[OUT_MAX];
static struct {
	const struct step *steps;
	unsigned int nr_steps, pos;
	int init_err;			/* LGUEST_IOC_INIT fails with it */
	struct lguest_init init;	/* what LGUEST_IOC_INIT got */
	uint64_t switches;		/* reported world_switches ... */
	uint64_t step_switches;		/* ... which grow this much a run */
	unsigned int counter_reads;
} host;

static int fake_run(struct lguest_exit *ex)
{
	const struct step *s;

	if (host.pos == host.nr_steps) {
		errno = EIO;	/* the script ran out: a test bug */
		return -1;
	}
	s = &host.steps[host.pos++];
	if (s->err) {
		errno = s->err;
		return -1;
	}
	host.switches += host.step_switches;
	if (s->window)
		memcpy(mem + WINDOW_GPA, s->window, sizeof(*s->window));
	memset(ex, 0, sizeof(*ex));
	ex->reason = s->reason;
	ex->status = s->status;
	if (s->data) {
		ex->len = strlen(s->data);
		memcpy(ex->data, s->data, ex->len);
	}
	return 0;
}

int ioctl(int fd, unsigned long req, ...)
{
	struct lguest_counters *c;
	struct lguest_regs *r;
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);

	switch (req) {
	case LGUEST_IOC_INIT:
		memcpy(&host.init, arg, sizeof(host.init));
		if (host.init_err) {
			errno = host.init_err;
			return -1;
		}
		return 0;
	case LGUEST_IOC_RUN:
		return fake_run(arg);
	case LGUEST_IOC_GET_REGS:
		r = arg;
		memset(r, 0, sizeof(*r));
		r->trapnum = 14;
		r->eip = 0xc0101234;
		r->cs = 0x61;
		return 0;
	case LGUEST_IOC_COUNTERS:
		c = arg;
		memset(c, 0, sizeof(*c));
		c->world_switches = host.switches;
		c->exits_hcall[LHCALL_NOTIFY] = 1;
		host.counter_reads++;
		return 0;
	default:
		/* Anything else (a tty check by stdio) goes to the kernel. */
		return syscall(SYS_ioctl, fd, req, arg);
	}
}

static void slurp(FILE *f, char *buf)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, OUT_MAX - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Runs the script; returns the launcher's status, fills @out and @err. */
static int run(const struct step *steps, unsigned int nr_steps, bool quiet,
	       const char *dev, char *out, char *err)
{
	struct guest g = {
		.dev = dev,
		.mem = mem,
		.mem_size = MEM_SIZE,
		.init = {
			.mem_base = 0x40000000, .mem_size = MEM_SIZE,
			.pgdir = 0xff000, .entry = 0xC0100000,
			.boot_info = 0xfd000,
		},
		.quiet = quiet,
		.nwant = nwant,
		.results_fd = -1,
	};
	FILE *fo = tmpfile(), *fe = tmpfile(), *fr = NULL;
	int saved_out, saved_err, status;

	memcpy(g.want, want, sizeof(want));
	if (nwant) {
		fr = results_path ? fopen(results_path, "w") : tmpfile();
		g.results_fd = fileno(fr);
	}

	host.steps = steps;
	host.nr_steps = nr_steps;
	host.pos = 0;
	host.counter_reads = 0;
	memset(mem, 0, sizeof(mem));

	fflush(stdout);
	saved_out = dup(1);
	saved_err = dup(2);
	dup2(fileno(fo), 1);
	dup2(fileno(fe), 2);
	status = run_guest(&g);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	slurp(fo, out);
	slurp(fe, err);
	results[0] = '\0';
	if (fr)
		slurp(fr, results);
	return status;
}

#define RUN(steps, quiet, out, err) \
	run(steps, sizeof(steps) / sizeof(steps[0]), quiet, "/dev/null", \
	    out, err)

static const struct lguest_bench_window begin = {
	.magic = LGUEST_WINDOW_MAGIC, .phase = 0, .rep = 1,
	.benchmark = "lat_syscall_null",
};
static const struct lguest_bench_window end = {
	.magic = LGUEST_WINDOW_MAGIC, .phase = 1, .rep = 1, .ops = 4,
	.benchmark = "lat_syscall_null",
};
static const struct lguest_bench_window begin2 = {
	.magic = LGUEST_WINDOW_MAGIC, .phase = 0, .rep = 2,
	.benchmark = "lat_syscall_null",
};
static const struct lguest_bench_window end2_claims_more = {
	.magic = LGUEST_WINDOW_MAGIC, .phase = 1, .rep = 2, .ops = 400,
	.benchmark = "lat_syscall_null",
};
static const struct lguest_bench_window bad_name = {
	.magic = LGUEST_WINDOW_MAGIC, .phase = 0, .rep = 1,
	.benchmark = "no spaces",
};

/* The console line a guest would forge: it must stay on the console. */
#define FORGED	"BENCH,lat_syscall_null,world_switches_per_op,switches,1,0.001\n"

static void test_session(void)
{
	static const struct step steps[] = {
		{ .reason = LGUEST_EXIT_CONSOLE, .data = "hello " },
		{ .err = EINTR },
		{ .reason = LGUEST_EXIT_CONSOLE, .data = "world\n" FORGED },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &begin },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = 42 },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &end },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &bad_name },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &end },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &begin2 },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &end2_claims_more },
		{ .reason = LGUEST_EXIT_SHUTDOWN, .status = 3,
		  .data = "power off\n" },
	};
	char out[OUT_MAX], err[OUT_MAX];
	int status;

	host.init_err = 0;
	host.switches = 0;
	host.step_switches = 10;
	want[0] = (struct bench_expect){ "lat_syscall_null", 4, 2, "" };
	nwant = 1;
	status = RUN(steps, false, out, err);
	check(status == 3, "session: exit status %d, want 3", status);
	check(host.pos == 11, "session: %u runs, want 11 (EINTR retried)",
	      host.pos);
	check(host.init.mem_base == 0x40000000 &&
	      host.init.mem_size == MEM_SIZE && host.init.pgdir == 0xff000 &&
	      host.init.entry == 0xC0100000 && host.init.boot_info == 0xfd000 &&
	      host.init.flags == 0, "session: init passed through");
	check(!strcmp(out, "hello world\n" FORGED),
	      "session: stdout is the guest's alone: '%s'", out);
	/* Begin after 3 runs (30 switches), end after 5 (50): 20 / 4 ops. */
	check(!strcmp(results,
		      "BENCH,lat_syscall_null,world_switches_per_op,switches,1,5.000\n"),
	      "session: results '%s'", results);
	check_contains(err, "launcher: ignoring notify 0x2a: not a bench window\n",
		       "session: other notify");
	check_contains(err, "launcher: ignoring bench window: name has byte 0x20",
		       "session: bad window");
	check_contains(err, "launcher: ignoring bench window lat_syscall_null rep 1 ended but never began",
		       "session: end without begin");
	check_contains(err, "launcher: ignoring bench window lat_syscall_null rep 2 claims 400 operations, the runner asked for 4\n",
		       "session: claimed operations");
	check_contains(err, "launcher: guest shut down: power off (status 3)\n"
		       "launcher: 1 of the 2 bench windows asked for recorded (lat_syscall_null)\n"
		       "LGUEST-COUNTERS world_switches=100 exits_irq=0 exits_other=0 async_hcalls=0 faults_fixed=0 faults_reflected=0 traps_delivered=0 irqs_delivered=0 fastpath_reflected=0 hcall_notify=1\n",
		       "session: shutdown and counters");

	/* Without -w the windows are neither read from the host nor kept. */
	nwant = 0;
	host.counter_reads = 0;
	status = RUN(steps, true, out, err);
	check(status == 3 && host.counter_reads == 0,
	      "no -w: no counters read (%u)", host.counter_reads);
	check(!strstr(err, "lat_syscall_null"), "no -w: windows ignored: '%s'", err);
}

/*
 * Two benchmarks in one run, as the Linux guest's suite asks: each window
 * goes to its own benchmark, one with every counter group per page; a
 * benchmark not asked for is refused.
 */
static void test_two_benchmarks(void)
{
	static const struct lguest_bench_window pf_begin = {
		.magic = LGUEST_WINDOW_MAGIC, .phase = 0, .rep = 1,
		.benchmark = "page_fault1",
	};
	static const struct lguest_bench_window pf_end = {
		.magic = LGUEST_WINDOW_MAGIC, .phase = 1, .rep = 1, .ops = 2,
		.benchmark = "page_fault1",
	};
	static const struct lguest_bench_window cow_begin = {
		.magic = LGUEST_WINDOW_MAGIC, .phase = 0, .rep = 1,
		.benchmark = "cow_fork",
	};
	static const struct step steps[] = {
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &pf_begin },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &cow_begin },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &begin },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &end },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &pf_end },
		{ .reason = LGUEST_EXIT_SHUTDOWN },
	};
	char out[OUT_MAX], err[OUT_MAX];
	int status;

	host.switches = 0;
	host.step_switches = 10;
	want[0] = (struct bench_expect){ "lat_syscall_null", 4, 1, "" };
	want[1] = (struct bench_expect){ "page_fault1", 2, 1, "page" };
	nwant = 2;
	status = RUN(steps, true, out, err);
	check(status == 0, "two benchmarks: status %d", status);
	/*
	 * lat_syscall_null: 1 run of 10 switches over its 4 operations;
	 * page_fault1: 4 runs over its 2 pages, and no exit of any reason.
	 */
	check(!strcmp(results,
		      "BENCH,lat_syscall_null,world_switches_per_op,switches,1,2.500\n"
		      "BENCH,page_fault1,world_switches_per_page,switches,1,20.000\n"
		      "BENCH,page_fault1,exits_fault_fixed_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,exits_fault_reflected_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,exits_hcall_set_pte_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,exits_hcall_other_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,exits_irq_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,exits_syscall_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,exits_trap_other_per_page,exits,1,0.000\n"
		      "BENCH,page_fault1,fastpath_reflected_per_page,faults,1,0.000\n"
		      "BENCH,page_fault1,exitless_fills_per_page,fills,1,0.000\n"
		      "BENCH,page_fault1,exitless_set_ptes_per_page,hypercalls,1,0.000\n"),
	      "two benchmarks: results '%s'", results);
	check_contains(err, "launcher: ignoring bench window cow_fork rep 1: the runner did not ask for cow_fork\n",
		       "two benchmarks: a third refused");
	check(!strstr(err, "asked for recorded"),
	      "two benchmarks: all recorded: '%s'", err);
}

/* A guest marking windows in a loop: a few notes, then a count. */
static void test_flood(void)
{
	static struct step steps[101];
	char out[OUT_MAX], err[OUT_MAX];
	unsigned int i;
	int status;

	for (i = 0; i < 100; i++)
		steps[i] = (struct step){ .reason = LGUEST_EXIT_NOTIFY,
			.status = WINDOW_GPA, .window = i % 2 ? &end : &begin2 };
	steps[100] = (struct step){ .reason = LGUEST_EXIT_SHUTDOWN };
	want[0] = (struct bench_expect){ "lat_syscall_null", 4, 2, "" };
	nwant = 1;
	status = RUN(steps, true, out, err);
	check(status == 0, "flood: status %d", status);
	check(results[0] == '\0', "flood: nothing recorded: '%s'", results);
	check(!strcmp(strstr(err, "shut down") ? strstr(err, "shut down") : "",
		      "shut down:  (status 0)\n"
		      "launcher: 100 notes on bench windows in all, 16 shown\n"
		      "launcher: 0 of the 2 bench windows asked for recorded (lat_syscall_null)\n"),
	      "flood: the count at the end: '%s'", err);
	check(strlen(err) < 16 * 120 + 200, "flood: stderr stays short (%zu)",
	      strlen(err));
}

/* A result that cannot be written stops the run: it would be lost. */
static void test_results_unwritable(void)
{
	static const struct step steps[] = {
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &begin },
		{ .reason = LGUEST_EXIT_NOTIFY, .status = WINDOW_GPA,
		  .window = &end },
		{ .reason = LGUEST_EXIT_SHUTDOWN },
	};
	char out[OUT_MAX], err[OUT_MAX];
	int status;

	want[0] = (struct bench_expect){ "lat_syscall_null", 4, 2, "" };
	nwant = 1;
	results_path = "/dev/full";
	status = RUN(steps, true, out, err);
	results_path = NULL;
	check(status == 71, "results unwritable: status %d, want 71", status);
	check_contains(err, "launcher: writing the results: No space left on device",
		       "results unwritable");
}

static void test_endings(void)
{
	static const struct step killed[] = {
		{ .reason = LGUEST_EXIT_KILLED,
		  .data = "bad hypercall 99\nBENCH,fake" },
	};
	static const struct step big_status[] = {
		{ .reason = LGUEST_EXIT_SHUTDOWN, .status = 300, .data = "x" },
	};
	static const struct step minus_one[] = {
		{ .reason = LGUEST_EXIT_SHUTDOWN, .status = 0xFFFFFFFF },
	};
	static const struct step run_fails[] = {
		{ .reason = LGUEST_EXIT_CONSOLE, .data = "a" },
		{ .err = EFAULT },
	};
	static const struct step odd_reason[] = {
		{ .reason = 99 },
	};
	char out[OUT_MAX], err[OUT_MAX];
	int status;

	status = RUN(killed, true, out, err);
	check(status == 70, "killed: status %d, want 70", status);
	check(!strcmp(err, "launcher: guest killed: bad hypercall 99?BENCH,fake\n"),
	      "killed: stderr '%s'", err);
	check(host.counter_reads == 0, "killed with -q: no counters read");

	status = RUN(killed, false, out, err);
	check_contains(err, "\nlauncher: at the kill: trap 14 error 0x0 eip 0x61:0xc0101234 ",
		       "killed: registers printed");
	check_contains(err, "\nLGUEST-COUNTERS ", "killed: counters printed");

	status = RUN(big_status, true, out, err);
	check(status == 255, "shutdown status 300: exit %d", status);
	check(!strcmp(err, "launcher: guest shut down: x (status 300)\n"),
	      "shutdown 300: stderr '%s'", err);
	status = RUN(minus_one, true, out, err);
	check(status == 255, "shutdown status -1: exit %d", status);

	status = RUN(run_fails, true, out, err);
	check(status == 71, "run fails: status %d, want 71", status);
	check(!strcmp(out, "a"), "run fails: output before it kept");
	check_contains(err, "launcher: running the guest: Bad address",
		       "run fails");

	status = RUN(odd_reason, true, out, err);
	check(status == 71, "unknown reason: status %d, want 71", status);
	check_contains(err, "unknown exit reason 99", "unknown reason");

	host.init_err = EINVAL;
	status = RUN(odd_reason, true, out, err);
	host.init_err = 0;
	check(status == 71, "init fails: status %d, want 71", status);
	check_contains(err, "launcher: initializing the guest: Invalid argument",
		       "init fails");
	check(host.pos == 0, "init fails: never ran");

	host.init_err = ENOMEM;
	status = RUN(odd_reason, true, out, err);
	host.init_err = 0;
	check(status == 71, "init out of memory: status %d, want 71", status);
	check(!strcmp(err, "launcher: initializing the guest: Cannot allocate memory (guest memory counts against RLIMIT_MEMLOCK: see ulimit -l)\n"),
	      "init out of memory: stderr '%s'", err);

	status = run(odd_reason, 1, true, "/nonexistent/lguest", out, err);
	check(status == 71, "no device: status %d, want 71", status);
	check(!strcmp(err, "launcher: cannot open /nonexistent/lguest: No such file or directory (is lg.ko loaded?)\n"),
	      "no device: stderr '%s'", err);
}

int main(void)
{
	test_session();
	test_two_benchmarks();
	test_flood();
	test_results_unwritable();
	nwant = 0;
	test_endings();
	return check_summary("launcher_run");
}
