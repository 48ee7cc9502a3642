#!/bin/bash
# A guest kernel that panics never reports a status: the runner says so
# with status 125 and shows the end of the console; -l keeps all of it.
. "$(dirname "$0")/../lib.sh"
scratch
rc=0
"$TOP/scripts/vm-run.sh" -q -t 120 -l "$SCRATCH/console" \
	-c 'echo c >/proc/sysrq-trigger' 2>"$SCRATCH/err" || rc=$?
check "status 125 for a crashed guest (got $rc)" [ "$rc" = 125 ]
check "the runner explains" grep -q "stopped without reporting a status" "$SCRATCH/err"
check "the console log shows the panic" grep -q "Kernel panic - not syncing: sysrq triggered crash" "$SCRATCH/console"
check "the runner shows the console tail" grep -q "Kernel Offset" "$SCRATCH/err"
finish
