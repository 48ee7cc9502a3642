#!/bin/bash
# A host CPU brought online after lg.ko was loaded must be able to run a
# guest (the Switcher's segments reach its GDT), every build, twice each,
# and the baseline with pge_off=1 (its callback turns that CPU's PGE off).
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -s 2 -a maxcpus=1 -t 600 "$TOP/tests/vm/jobs/cpu-hotplug.sh"
check "guests ran on the late CPU, every build (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
check "eight runs on CPU 1 passed" [ "$(grep -c '^HOTPLUG .* status 0$' "$SCRATCH/log")" = 8 ]
check_host_log_clean
[ "$failures" = 0 ] || { grep -E '^HOTPLUG' "$SCRATCH/log"; tail -30 "$SCRATCH/log"; }
finish
