#!/bin/bash
# How the host maps the Switcher, under each build: its text read-only
# (a non-PAE host has no NX bit: everything there is executable).
# What the Switcher's slot gives a hostile guest kernel, under each build:
# no way to ring 0 through the launcher's LDT (the launcher's own LDT
# working again afterwards), exactly the text, its register page and its
# read-only guest state page to read, only the register page to write,
# no debug registers; and scribbling over that page changes neither the
# host's behaviour (no NMI handled for a forged note) nor any counter.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 600 "$TOP/tests/vm/jobs/switcher-isolation.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]

# counters BUILD FORGE: the deterministic counters of one scribble run.
counters() {
	sed -n "s|^SCRIBBLE $1 $2 LGUEST-COUNTERS ||p" "$SCRATCH/log" | tr ' ' '\n' |
		grep -vE '^(world_switches|exits_irq)=' | sort
}
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	# ptdump: "<start>-<end> <size> <RW|ro> ... <x|NX> pte", one line a run
	ptdump=$(sed -n "s|^PTDUMP $ko ||p" "$SCRATCH/log")
	echo "$ptdump"
	check "$ko: the host maps the Switcher's two text pages read-only" \
		[ "$(echo "$ptdump" | head -n 1 | grep -cE ' 8K +ro .* x +pte$')" = 1 ]
	check "$ko: and the state pages after them writable" \
		[ "$(echo "$ptdump" | sed -n 2p | grep -cE ' RW .* x +pte$')" = 1 ]
	check "$ko: the LDT escape failed and the launcher's LDT works" \
		grep -q "^LDT $ko status 0" "$SCRATCH/log"
	quiet=$(counters "$ko" 0)
	forged=$(counters "$ko" 1)
	check "$ko: both scribble runs counted" [ -n "$quiet" -a -n "$forged" ]
	check "$ko: scribbling changed no counter" [ "$quiet" = "$forged" ]
	[ "$quiet" = "$forged" ] || diff <(echo "$quiet") <(echo "$forged") || true
done
check "the fastpath reflected the scribbler's faults" \
	grep -q "^SCRIBBLE /lguest/fastpath/lg.ko 1 .* fastpath_reflected=64 " "$SCRATCH/log"
check "the exitless build reflected them too" \
	grep -q "^SCRIBBLE /lguest/exitless/lg.ko 1 .* fastpath_reflected=64 " "$SCRATCH/log"
check "both guests passed every check, every build" \
	[ "$(grep -c '^SUMMARY: [1-9][0-9]* passed, 0 failed' "$SCRATCH/log")" = 9 ]
refute "no guest check failed" grep -q '^FAIL' "$SCRATCH/log"
check "launcher's LDT intact after each run" [ "$(grep -c '^LDT-LAUNCHER ok' "$SCRATCH/log")" = 3 ]
refute "the host handled no NMI (none was sent)" grep -qE 'NMI received|Uhhuh' "$SCRATCH/log"
check_host_log_clean
[ "$failures" = 0 ] || { grep -E '^(LDT|SCRIBBLE|FAIL|SUMMARY)' "$SCRATCH/log"; tail -20 "$SCRATCH/log"; }
finish
