#!/bin/bash
# lg.ko on a 2-CPU host: four guests at once under each build, sharing the
# per-CPU Switcher pages and migrating between CPUs.  All must pass, the
# module must unload, and the host's log must stay clean.
. "$(dirname "$0")/../lib.sh"
scratch
rc=0
"$TOP/scripts/vm-run.sh" -q -s 2 -t 600 -l "$SCRATCH/console" \
	"$TOP/tests/vm/jobs/smp-concurrent.sh" 2>"$SCRATCH/err" || rc=$?
tr -d '\r' <"$SCRATCH/console" >"$SCRATCH/log"
check "all guests passed on a 2-CPU host, both builds (status $rc)" [ "$rc" = 0 ]
check "both builds finished" [ "$(grep -c '^SMP-DONE' "$SCRATCH/log")" = 2 ]
check "the host really had 2 CPUs" grep -q 'Brought up 1 node, 2 CPUs' "$SCRATCH/log"
refute "host kernel log free of oops/BUG/WARNING" \
	grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/log"
[ "$failures" = 0 ] || { grep -E '^SMP-' "$SCRATCH/log"; tail -20 "$SCRATCH/log"; }
finish
