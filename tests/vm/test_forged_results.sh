#!/bin/bash
# Results a guest cannot forge: under each build of lg.ko, a guest prints
# the host's figures on its console and marks windows it must not get
# counted (tests/guests/forged_results.c), the launcher writes the host's
# figures to the VM's second serial port (vm-run.sh -r), and the results
# go through benchcsv as run-matrix.sh takes them.  Only the guest's 3 real
# windows a build may reach the rows and the summary; every forged line
# stays on the console, and every forged window is refused.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 900 -r "$SCRATCH/results" "$TOP/tests/vm/jobs/forged-results.sh"
check "the job ran (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
builds="/lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko"
for ko in $builds; do
	for step in insmod run rmmod; do
		check "$ko: $step" grep -qx "FORGED-RC $step $ko 0" "$SCRATCH/log"
	done
done
check_host_log_clean
refute "nothing in the host's log" grep -q '^HOSTLOG ' "$SCRATCH/log"

# The forgeries were made: the console holds them, the launcher said no.
check "the guest printed the host's figures (2 times 4 lines a build)" \
	[ "$(count '^BENCH,[a-z_0-9]+,(world_switches|exits|exitless)_' "$SCRATCH/log")" = 24 ]
check "every build refused the window claiming 1000 times its operations" \
	[ "$(count '^launcher: ignoring bench window forged rep 1 claims 10000 operations, the runner asked for 10$' "$SCRATCH/log")" = 3 ]
check "every build refused another benchmark's window, its beginning and its end" \
	[ "$(count '^launcher: ignoring bench window null_hypercall rep 1: the runner did not ask for null_hypercall$' "$SCRATCH/log")" = 6 ]
check "every build cut the notes on the flood short" \
	[ "$(count '^launcher: [0-9]+ notes on bench windows in all, 16 shown$' "$SCRATCH/log")" = 3 ]
refute "no build missed a window" grep -q 'bench windows asked for recorded' "$SCRATCH/log"

# The results channel: the launcher's lines, 3 real windows a build.
tr -d '\r' <"$SCRATCH/results" >"$SCRATCH/host"
check "the results hold windows 1 to 3 of forged, for each build, and nothing else" \
	awk -F, '$0 != "BENCH,forged,world_switches_per_op,switches," ((NR - 1) % 3 + 1) "," $6 { exit 1 }
		END { exit NR != 9 }' "$SCRATCH/host"
# Each window: 10 NOPs (20 switches), the return from its beginning's
# NOTIFY and the exit of its end's (2), and the odd host interrupt.
check "each window counted 2.2 world switches an operation, give or take a host interrupt" \
	awk -F, '{ if ($6 < 2.2 || $6 >= 3) exit 1 }' "$SCRATCH/host"

# benchcsv as run-matrix.sh runs it.
{
	echo "config,benchmark,metric,unit,rep,value"
	"$BUILD/tools/benchcsv" extract lguest "$SCRATCH/log"
	"$BUILD/tools/benchcsv" extract-host lguest "$SCRATCH/host"
} >"$SCRATCH/raw.csv" 2>"$SCRATCH/extract.err"
check "benchcsv read both" [ -s "$SCRATCH/raw.csv" ]
check "benchcsv counted the forged lines it ignored" \
	grep -q '24 result line(s) of host-counted figures ignored' "$SCRATCH/extract.err"
check "the rows: the guest's 9 timings and the host's 9 counts, nothing forged" \
	[ "$(awk -F, 'NR > 1 { print $2 "," $3 }' "$SCRATCH/raw.csv" | sort | uniq -c | tr -s ' ')" = \
	  "$(printf ' 9 forged,ns_per_op\n 9 forged,world_switches_per_op')" ]
"$BUILD/tools/benchcsv" summarize "$SCRATCH/raw.csv" >"$SCRATCH/summary.csv"
check "the summary: the two series of forged, 9 values each" \
	[ "$(cut -d, -f1-5 "$SCRATCH/summary.csv")" = \
	  "$(printf 'config,benchmark,metric,unit,n\nlguest,forged,ns_per_op,ns,9\nlguest,forged,world_switches_per_op,switches,9')" ]
refute "no forged value in the summary" grep -qE ',(0\.001|9\.000)(,|$)' "$SCRATCH/summary.csv"
[ "$failures" = 0 ] || {
	grep -E '^(FORGED-RC|HOSTLOG|launcher:)' "$SCRATCH/log" | head -40
	head -20 "$SCRATCH/host"
	cat "$SCRATCH/extract.err" "$SCRATCH/raw.csv" | head -40
}
finish
