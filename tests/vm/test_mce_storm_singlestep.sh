#!/bin/bash
# TCG only: QEMU's -singlestep.
# The machine-check storm (test_mce_storm.sh) with every instruction its
# own translation block (scripts/vm-run.sh -S), so that a machine check,
# like the NMIs of test_nmi_storm_singlestep.sh, can land between any two
# instructions of the world switch, and must still reach the host's
# handler.  As there, the lighter job (STORM=world-switch: the fault
# guest and the null-hypercall guest under every build).  One every 50 ms:
# a machine check that comes while the CPU still handles the last one
# (MCIP set) shuts it down, on hardware as in QEMU, and one instruction a
# block makes the host's handler slow enough for 5 ms to hit that.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/nmi-storm-checks.sh"
. "$(dirname "$0")/mce-storm-checks.sh"
scratch
vm_job -S -C "$MCE_CPU" -n 50 -e "$MCE_INJECT" -t 900 \
	-f "$TOP/tests/vm/jobs/nmi-storm.sh:/job/nmi-storm.sh" \
	-c 'STORM=world-switch sh /job/nmi-storm.sh'
check_storm_guests
check_mce_storm 10
[ "$failures" = 0 ] || show_storm
finish
