#!/bin/bash
# NMIs at any moment, including inside the Switcher and the M:012 walker
# (scripts/vm-run.sh -n injects them through QEMU's monitor): every fault
# guest still passes under both builds, the walker still reflects, and the
# host's log shows no oops, BUG or WARNING (the kernel's "NMI received for
# unknown reason" notes are expected: nobody claims these NMIs).
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -n 10 -t 600 "$TOP/tests/vm/jobs/nmi-storm.sh"
check "the guests passed and lg.ko unloaded, both builds (status $VM_RC)" [ "$VM_RC" = 0 ]
# The job's results are kernel messages, whole from their text to the end
# of the line, but not necessarily at its start (jobs/nmi-storm.sh says why):
# each pattern is anchored at the end, or at a value inside the message.
check "both builds' fault guest passed" \
	[ "$(grep -c 'STORM .* SUMMARY: [1-9][0-9]* passed, 0 failed$' "$SCRATCH/log")" = 2 ]
nmis=$(sed -n 's/.*NMIS \([0-9]*\)$/\1/p' "$SCRATCH/log")
check "NMIs really arrived ($nmis)" [ "${nmis:-0}" -ge 50 ]
reflected=$(sed -n 's|.*STORM-BENCH /lguest/fastpath/lg.ko .* fastpath_reflected=\([0-9]*\).*|\1|p' "$SCRATCH/log")
check "the walker reflected the benchmark's faults (${reflected:-none})" \
	[ "${reflected:-0}" -ge 3000 ]
check_host_log_clean
[ "$failures" = 0 ] || { grep -aE 'STORM|NMIS|launcher:|FAIL' "$SCRATCH/log" | cut -c1-200; tail -20 "$SCRATCH/log"; cat "$SCRATCH/err"; }
finish
