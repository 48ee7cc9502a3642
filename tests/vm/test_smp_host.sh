#!/bin/bash
# lg.ko on a 2-CPU host: four guests at once under each build, sharing the
# per-CPU Switcher pages and migrating between CPUs.  All must pass, the
# module must unload, and the host's log must stay clean.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -s 2 -t 600 "$TOP/tests/vm/jobs/smp-concurrent.sh"
check "all guests passed on a 2-CPU host, every build (status $VM_RC)" [ "$VM_RC" = 0 ]
check "every build finished" [ "$(grep -c '^SMP-DONE' "$SCRATCH/log")" = 3 ]
check "the host really had 2 CPUs" grep -q 'Brought up 1 node, 2 CPUs' "$SCRATCH/log"
check_host_log_clean
[ "$failures" = 0 ] || { grep -E '^SMP-' "$SCRATCH/log"; tail -20 "$SCRATCH/log"; }
finish
