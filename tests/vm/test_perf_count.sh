#!/bin/bash
# perf from outside the module: under each build, perf stat's count of
# every lg.ko trace event equals the module's own counter for the run (a
# benchmark guest, a guest the host kills), and perf's page-faults and
# minor-faults in a bench program's measured repetitions equal getrusage's
# (children's faults included).  Where perf cannot count (no lg.ko, no
# perf) perf-count says so and the command still runs, its status kept.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 600 "$TOP/tests/vm/jobs/perf-count.sh"
check "the job ran to its end (status $VM_RC)" [ "$VM_RC" = 0 ]
log=$SCRATCH/log
rc() { # rc LABEL: the command's status under perf-count
	sed -n "s/^PC-RC $1 \([0-9]*\).*/\1/p" "$log"
}
rows() { # rows LABEL: its PERF lines as EVENT,PERF_COUNT,OWN_COUNT
	sed -n "s/^PERF,$1,//p" "$log"
}
agree() { # agree LABEL EVENTS: that many rows, each perf == own, digits
	local n all
	n=$(rows "$1" | awk -F, '$2 == $3 && $2 ~ /^[0-9]+$/' | wc -l)
	all=$(rows "$1" | wc -l)
	check "$1: perf and its own count agree on all $2 events ($n of $all)" \
		[ "$n" = "$2" -a "$all" = "$2" ]
}
perf_count() { # perf_count LABEL EVENT: perf's count
	rows "$1" | awk -F, -v e="$2" '$1 == e { print $2 }'
}
for b in baseline fastpath exitless; do
	check "$b: the benchmark guest passed" [ "$(rc $b-bench)" = 0 ]
	check "$b: the present-page guest passed" [ "$(rc $b-present)" = 0 ]
	check "$b: the host killed the hostile guest (status 70)" [ "$(rc $b-killed)" = 70 ]
	for l in bench present killed; do
		agree $b-$l 9
	done
	n=$(perf_count $b-bench lguest:lguest_exit)
	check "$b: perf saw the benchmark's exits ($n)" [ "${n:-0}" -gt 300 ]
done
n=$(perf_count baseline-bench lguest:lguest_host_fix)
check "baseline: perf saw the host fill the shadow for each fault ($n)" [ "${n:-0}" -ge 300 ]
n=$(perf_count fastpath-bench lguest:lguest_fastpath_reflect)
check "fastpath: perf saw the walker reflect each fault ($n)" [ "${n:-0}" -ge 300 ]
n=$(perf_count fastpath-bench lguest:lguest_host_reflect)
check "fastpath: and the host reflect none of them ($n)" [ "$n" = 0 ]
n=$(perf_count exitless-present lguest:lguest_exitless_fill)
check "exitless: perf saw the Switcher fill present pages ($n)" [ "${n:-0}" -gt 0 ]
n=$(perf_count exitless-bench lguest:lguest_exitless_set_pte)
check "exitless: perf saw the Switcher answer SET_PTEs ($n)" [ "${n:-0}" -ge 300 ]
n=$(perf_count baseline-bench lguest:lguest_exitless_set_pte)
check "baseline: no Switcher SET_PTEs ($n)" [ "$n" = 0 ]
for l in native-fault1 native-cow native-fork; do
	check "$l: passed" [ "$(rc $l)" = 0 ]
	agree $l 2
done
n=$(perf_count native-fault1 minor-faults)
check "page_fault1: 3 x 512 first touches in perf's windows ($n)" [ "${n:-0}" -ge 1536 ]
n=$(perf_count native-cow minor-faults)
check "cow_fork: the children's copy-on-write faults in perf's count ($n)" [ "${n:-0}" -ge 1536 ]
check "no lg.ko: perf-count says why it cannot count" \
	grep -q "^PERF-UNAVAILABLE,no-module,perf stat -e lguest:lguest_exit" "$log"
check "no lg.ko: the launcher still ran (status 71)" [ "$(rc no-module)" = 71 ]
check "no perf: perf-count says so" grep -q "^PERF-UNAVAILABLE,no-perf,no perf in the VM" "$log"
check "no perf: the program still ran" [ "$(rc no-perf)" = 0 ]
check_host_log_clean
[ "$failures" = 0 ] || grep -aE '^(PC-RC|PERF)' "$log"
finish
