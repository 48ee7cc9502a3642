#!/bin/bash
# User memory in the Linux guest stays right through fork, exec, mmap and
# munmap, under each build of lg.ko: tests/linux-guest/mm_stress.c checks
# copy-on-write data on both sides of a fork, fresh memory after exec, and
# zeroes where a region was unmapped and mapped again, which is where a
# shadow entry the guest failed to flush would show old bytes.  The guest
# must print no oops or BUG, the host log stay clean, lg.ko unload.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 1500 -f "$TOP/tests/vm/jobs/linux-guest/mm-stress.sh:/job/mm-stress.sh" \
	"$TOP/tests/vm/jobs/linux-guest-stress.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
grep '^GUEST: ' "$SCRATCH/log" | sed 's/^GUEST: //' >"$SCRATCH/guest"
grep -v '^GUEST: ' "$SCRATCH/log" >"$SCRATCH/host"
count() {
	grep -cE "$1" "$2" || true
}
check "mm_stress found no wrong byte, both builds" \
	[ "$(count '^mm_stress: 300 rounds, 0 errors$' "$SCRATCH/guest")" = 2 ]
check "the guest stopped with status 0, both builds" \
	[ "$(count '^LINUX-GUEST launcher status 0$' "$SCRATCH/log")" = 2 ]
refute "the guest printed no oops, BUG, WARNING or panic" \
	grep -qE 'Oops|BUG:|WARNING:|Kernel panic|Call Trace' "$SCRATCH/guest"
refute "the host kernel log is free of oops/BUG/WARNING" \
	grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/host"
check "lg.ko unloaded after the guest, both builds" \
	[ "$(count '^LINUX-GUEST rmmod ok' "$SCRATCH/log")" = 2 ]
[ "$failures" = 0 ] || {
	grep -E '^mm_stress|launcher:' "$SCRATCH/guest" | head -20
	grep '^LINUX-GUEST' "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
