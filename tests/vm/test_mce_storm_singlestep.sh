#!/bin/bash
# TCG only: QEMU's -singlestep.
# The machine-check storm (test_mce_storm.sh) with every instruction its
# own translation block (scripts/vm-run.sh -S), so that a machine check,
# like the NMIs of test_nmi_storm_singlestep.sh, can land between any two
# instructions of the world switch, and must still reach the host's
# handler.  As there, the lighter job (STORM=world-switch: the fault
# guest and the null-hypercall guest under every build).  One every 50 ms
# at most, and only once the host has handled the last (vm-run.sh -A): a
# machine check that comes while the CPU still handles the last one (MCIP
# set) shuts it down, on hardware as in QEMU, and one instruction a block,
# or a loaded host, makes the handler slow enough for a fixed period to
# hit that (seen: 3 of 5 runs at a load of 5).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/nmi-storm-checks.sh"
. "$(dirname "$0")/mce-storm-checks.sh"
scratch
vm_job -S -C "$MCE_CPU" -n 50 -e "$MCE_INJECT" -A "$MCE_ACK" -t 900 \
	-f "$TOP/tests/vm/jobs/nmi-storm.sh:/job/nmi-storm.sh" \
	-c 'STORM=world-switch MCE_ACK=1 sh /job/nmi-storm.sh'
check_storm_guests
check_mce_storm 10
[ "$failures" = 0 ] || show_storm
finish
