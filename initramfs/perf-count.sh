#!/bin/sh
# Count with perf what a command does, beside the command's own count.
# Runs inside the QEMU VM, where the initramfs put it at /lguest/perf-count.
#
# usage: perf-count lguest NAME COMMAND...   the launcher (without -q), or
#                                            run-linux-guest (without -q)
#        perf-count faults NAME COMMAND...   a bench/ program
#
# lguest: perf stat counts lg.ko's trace events (module/lg_trace.h) over
#   the whole command; the module's own count of the same things is the
#   launcher's LGUEST-COUNTERS line at the guest's end.
# faults: perf stat counts page-faults and minor-faults with its counters
#   off (-D -1) but in the program's measured repetitions, which the
#   program opens and closes through perf's control fifo (BENCH_PERF_CTL,
#   bench/perf_window.c); its own count is getrusage's over the same
#   repetitions, printed as BENCH-FAULTS,NAME,COUNT.
#
# After the command's output it prints, for each event,
#   PERF,NAME,EVENT,PERF_COUNT,OWN_COUNT
# and exits with the command's status.  Where perf cannot count (no perf,
# no tracepoints, no lg.ko events) it prints PERF-UNAVAILABLE,NAME,REASON
# once and runs the command as it is.
set -eu
[ $# -ge 3 ] || { sed -n '5,7s/^# \{0,1\}//p' "$0" >&2; exit 2; }
mode=$1 name=$2
shift 2
case $mode in
lguest)
	events=lguest:lguest_exit,lguest:lguest_hcall,lguest:lguest_host_fix,lguest:lguest_host_reflect,lguest:lguest_irq,lguest:lguest_fastpath_reflect,lguest:lguest_fastpath_fallback,lguest:lguest_exitless_fill,lguest:lguest_exitless_set_pte
	probe=lguest:lguest_exit ;;
faults)
	events=page-faults,minor-faults
	probe=minor-faults ;;
*) echo "perf-count: mode must be lguest or faults, not '$mode'" >&2; exit 2 ;;
esac

why=
if ! command -v perf >/dev/null; then
	why="no perf in the VM"
elif ! err=$(perf stat -x, -e "$probe" -o /dev/null true 2>&1); then
	why="perf stat -e $probe: $(echo "$err" | head -1)"
fi
if [ -n "$why" ]; then
	echo "PERF-UNAVAILABLE,$name,$why"
	exec "$@"
fi

w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
status=0
if [ "$mode" = lguest ]; then
	perf stat -x, -o "$w/perf" -e "$events" -- "$@" 2>"$w/err" || status=$?
	cat "$w/err" >&2
	own=$(sed -n 's/^.*LGUEST-COUNTERS //p' "$w/err" | tail -1)
else
	mkfifo "$w/ctl" "$w/ack"
	# perf says "Events enabled/disabled" on stderr at every window.
	BENCH_PERF_CTL=8,9 perf stat -x, -o "$w/perf" -e "$events" -D -1 \
		--control fd:8,9 -- "$@" >"$w/out" 2>"$w/err" 8<>"$w/ctl" 9<>"$w/ack" ||
		status=$?
	cat "$w/out"
	grep -v '^Events \(enabled\|disabled\)$' "$w/err" >&2 || true
	own=$(sed -n "s/^BENCH-FAULTS,[^,]*,//p" "$w/out" | tail -1)
fi

# perf's CSV: count,unit,event,...; the command's own count of each event.
awk -F, -v mode="$mode" -v name="$name" -v own="$own" '
BEGIN {
	n = split(own, kv, " ")
	for (i = 1; i <= n; i++) {
		split(kv[i], p, "=")
		c[p[1]] = p[2]
		if (p[1] ~ /^hcall_/) hcalls += p[2]
		if (p[1] ~ /^fastpath_fallback[0-9]/) fallbacks += p[2]
	}
	if (mode == "faults") {
		m["page-faults"] = own; m["minor-faults"] = own
	} else if (own != "") {
		m["lguest:lguest_exit"] = c["world_switches"] / 2
		m["lguest:lguest_hcall"] = hcalls + c["async_hcalls"]
		m["lguest:lguest_host_fix"] = c["faults_fixed"] + 0
		m["lguest:lguest_host_reflect"] = c["faults_reflected"] + c["traps_delivered"]
		m["lguest:lguest_irq"] = c["irqs_delivered"] + 0
		m["lguest:lguest_fastpath_reflect"] = c["fastpath_reflected"] + 0
		m["lguest:lguest_fastpath_fallback"] = fallbacks + 0
		m["lguest:lguest_exitless_fill"] = c["exitless_fills"] + 0
		m["lguest:lguest_exitless_set_pte"] = c["exitless_set_ptes"] + 0
	}
}
/^#/ || NF < 3 { next }
{
	mine = ($3 in m && m[$3] != "") ? sprintf("%.0f", m[$3]) : "missing"
	printf "PERF,%s,%s,%s,%s\n", name, $3, $1, mine
}' "$w/perf"
exit "$status"
