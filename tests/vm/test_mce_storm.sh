#!/bin/bash
# Machine checks at any moment, as the NMI storm sends NMIs: the same job
# (jobs/nmi-storm.sh, the fault guests under each build) while the runner
# injects a recoverable machine check through QEMU's monitor, every 20 ms
# at most and only once the host has handled the last (a second one while
# the CPU still handles the first would shut it down, test or no test), on
# a CPU with machine-check architecture (mce-storm-checks.sh).
# Wherever one lands (the guest, the Switcher, the exitless window, the
# host) it must reach the host's handler: the guests pass, the host counts
# every machine check, and the machine lives.  The module before this fix
# killed the guest for one that hit the Switcher and never told the host,
# whose MCIP stayed set: the next machine check shut the machine down.
# test_mce_storm_singlestep.sh lets them land between any two instructions.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/nmi-storm-checks.sh"
. "$(dirname "$0")/mce-storm-checks.sh"
scratch
vm_job -C "$MCE_CPU" -n 20 -e "$MCE_INJECT" -A "$MCE_ACK" -t 900 \
	-f "$TOP/tests/vm/jobs/nmi-storm.sh:/job/nmi-storm.sh" \
	-c 'MCE_ACK=1 sh /job/nmi-storm.sh'
check_storm_guests
check_storm_syscalls
check_mce_storm 50
[ "$failures" = 0 ] || show_storm
finish
