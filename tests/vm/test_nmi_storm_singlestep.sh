#!/bin/bash
# TCG only: QEMU's -singlestep.
# The NMI storm with every instruction its own translation block
# (scripts/vm-run.sh -S).  TCG takes an NMI only between blocks, so in its
# usual mode test_nmi_storm.sh's NMIs reach only the instructions of the
# world switch that begin one: those after a write to cr3 or cr4, a
# segment load, a branch; 7 to 11 places, however many NMIs hit it.  Here an
# NMI can land between any two, and must still be noted and handled: under
# every build the fault guest and the null-hypercall guest (a trip through
# the world switch per operation) pass, the host's log stays clean, and the
# NMIs hit the world switch (switch_to_guest and switch_to_host) at 25 or
# more places.  Slower than the usual mode, this pass leaves out the
# benchmarks of the fault paths (jobs/nmi-storm.sh's STORM=world-switch).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/nmi-storm-checks.sh"
scratch
vm_job -S -n 2 -t 900 -f "$TOP/tests/vm/jobs/nmi-storm.sh:/job/nmi-storm.sh" \
	-c 'STORM=world-switch sh /job/nmi-storm.sh'
check_storm_guests
places=$(world_switch_places | sort -u | wc -l)
check "NMIs hit the world switch at 25 or more places ($places)" [ "$places" -ge 25 ]
echo "NMIs hit the world switch at $places places"
[ "$failures" = 0 ] || show_storm
finish
