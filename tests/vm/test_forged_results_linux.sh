#!/bin/bash
# Results the Linux guest cannot forge: its lat_syscall_null marks its
# windows through the guest kernel's /proc/lguest/window and the launcher
# writes the host's counts of them to the VM's second serial port, while a
# process in the guest prints the host's figures on the console and marks
# windows of its own (tests/vm/jobs/linux-guest/forged-results.sh).  Only
# the 2 real windows reach the results, with every counter group; benchcsv
# takes none of the console's host-counted figures, the guest's own
# cross-check included.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 900 -r "$SCRATCH/results" \
	-f "$TOP/tests/vm/jobs/linux-guest/forged-results.sh:/job/forged-results.sh" \
	"$TOP/tests/vm/jobs/forged-results-linux.sh"
check "the job ran (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
for step in insmod run rmmod; do
	check "$step" grep -qx "FORGED-RC $step 0" "$SCRATCH/log"
done
check_host_log_clean
refute "nothing in the host's log" grep -q '^HOSTLOG ' "$SCRATCH/log"
refute "the benchmark succeeded" grep -q '^FORGED-BENCH ' "$SCRATCH/log"

# The forgeries were made, and the launcher said no to each window.
check "the guest printed the host's figures" \
	[ "$(count '^BENCH,lat_syscall_null,[a-z_]+_per_op,[a-z]+,[12],7777\.000$' "$SCRATCH/log")" = 2 ]
check "the guest kernel refused a write of less than a window" \
	grep -q '^forge_window: 47 bytes: Invalid argument$' "$SCRATCH/log"
check "the guest kernel passed on the 5 forged windows" \
	[ "$(count '^forge_window: [a-z_]+ phase [01] rep [0-9]+ ops [0-9]+ written$' "$SCRATCH/log")" = 5 ]
note() { # note TEXT: the launcher's note on a window, once
	check "launcher: $1" [ "$(count "^launcher: $1\$" "$SCRATCH/log")" = 1 ]
}
note 'ignoring bench window other_bench rep 1: the runner did not ask for other_bench'
note 'ignoring bench window lat_syscall_null rep 2: the next is rep 1'
note 'ignoring bench window lat_syscall_null rep 1 claims 1000000 operations, the runner asked for 1000'
note 'bench window lat_syscall_null rep 1 began again before it ended'
note 'ignoring bench window lat_syscall_null rep 3: all 2 asked for are recorded'
refute "no window missed" grep -q 'bench windows asked for recorded' "$SCRATCH/log"

# The results channel: every counter group of each real window, in
# bench/exit_groups.c's order, per operation.
tr -d '\r' <"$SCRATCH/results" >"$SCRATCH/host"
"$TOP/scripts/suite.sh" expected lguest-baseline |
	sed -n 's/^lat_syscall_null,\(.*_per_op\)$/\1/p' | grep -vx ns_per_op >"$SCRATCH/groups"
check "the results hold every group of windows 1 and 2, and nothing else" \
	[ "$(cut -d, -f1-3,5 "$SCRATCH/host")" = \
	  "$(for rep in 1 2; do sed "s/.*/BENCH,lat_syscall_null,&,$rep/" "$SCRATCH/groups"; done)" ]
value() { # value METRIC REP: the host's figure
	awk -F, -v m="$1" -v r="$2" '$3 == m && $5 == r { print $6 }' "$SCRATCH/host"
}
# A null system call is one exit (int $0x80); the window adds its end's
# system call and hypercall, and whatever interrupts fell in it.  The exits
# by reason account for every world switch, two an exit, to the precision
# printed (11 figures of 3 decimals).
for rep in 1 2; do
	check "rep $rep: at least a system call an operation ($(value exits_syscall_per_op $rep))" \
		awk -v v="$(value exits_syscall_per_op $rep)" 'BEGIN { exit !(v >= 1) }'
	check "rep $rep: two world switches an exit" awk -F, -v r=$rep '
		$5 == r && $3 == "world_switches_per_op" { ws = $6 }
		$5 == r && $3 ~ /^exits_/ { sum += 2 * $6 }
		END { d = ws - sum; exit !(ws > 0 && d < 0.02 && d > -0.02) }' "$SCRATCH/host"
done

# benchcsv as run-matrix.sh runs it: the console's timings, the host's counts.
{
	echo "config,benchmark,metric,unit,rep,value"
	"$BUILD/tools/benchcsv" extract lguest-baseline "$SCRATCH/log"
	"$BUILD/tools/benchcsv" extract-host lguest-baseline "$SCRATCH/host"
} >"$SCRATCH/raw.csv" 2>"$SCRATCH/extract.err"
groups=$(wc -l <"$SCRATCH/groups")
check "benchcsv ignored the forged lines and the guest's cross-check" \
	grep -q "$((2 + 2 * groups)) result line(s) of host-counted figures ignored" "$SCRATCH/extract.err"
check "the rows: the guest's 2 timings and the host's $((2 * groups)) counts" \
	[ "$(awk -F, 'NR > 1' "$SCRATCH/raw.csv" | wc -l)" = $((2 + 2 * groups)) ]
refute "no forged value in the rows" grep -q ',7777\.000$' "$SCRATCH/raw.csv"
[ "$failures" = 0 ] || {
	grep -E '^(FORGED|HOSTLOG|launcher:|forge_window:|BENCH)' "$SCRATCH/log" | head -60
	cat "$SCRATCH/host" "$SCRATCH/extract.err" | head -40
}
finish
