#!/bin/bash
# Every test guest under both builds of lg.ko (tests/guests/expect.txt,
# judged by run-guests.sh inside the VM), then the one difference the
# builds may show: where user-space not-present faults were reflected,
# by the host (baseline) or by the Switcher itself (fastpath).  Fails on
# any failed guest, a failed rmmod, a guest's shadow pages not all freed,
# or an oops, BUG or WARNING in the host's kernel log.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 1500 "$TOP/tests/vm/jobs/guests-both-builds.sh"
check "every guest behaved and lg.ko unloaded, both builds (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
summaries=$(grep -cE '^run-guests: [1-9][0-9]* passed, 0 failed$' "$SCRATCH/log" || true)
check "both builds ran their guests with no failure" [ "$summaries" = 2 ]
refute "no guest failed" grep -qE '^(GUEST|CHECK)-FAIL' "$SCRATCH/log"
check_host_log_clean
refute "no guest leaked shadow pages" grep -q 'leaked .* shadow pages' "$SCRATCH/log"

# counter TAG BUILD NAME: one counter of the run the job printed as TAG.
counter() {
	sed -n "s|^$1 $2 .* $3=\([0-9]*\).*|\1|p" "$SCRATCH/log"
}
# Where each build reflected the faults of two runs: user_fault_notpresent
# (REFLECTIONS) and fp_write_fault (WRITE-REFLECTIONS: copy-on-write twice,
# a read-only PDE twice, a page unmapped after a read), at least five
# each: by the host in the baseline, by the Switcher in the fastpath build.
for run in "REFLECTIONS:faults" "WRITE-REFLECTIONS:write faults"; do
	tag=${run%%:*} what=${run#*:}
	check "baseline: the host reflected the $what" \
		[ "$(counter "$tag" /lguest/lg.ko faults_reflected)" -ge 5 ]
	check "baseline: no fastpath for the $what" \
		[ "$(counter "$tag" /lguest/lg.ko fastpath_reflected)" = 0 ]
	check "fastpath: the Switcher reflected the $what" \
		[ "$(counter "$tag" /lguest/fastpath/lg.ko fastpath_reflected)" -ge 5 ]
	check "fastpath: the host reflected none of the $what" \
		[ "$(counter "$tag" /lguest/fastpath/lg.ko faults_reflected)" = 0 ]
done
# On failure: each failed guest with the output lines run-guests.sh
# indents under it, then the summaries.
[ "$failures" = 0 ] || {
	awk '/^(GUEST|CHECK)-FAIL/ { show = 1; print; next }
	     show && /^[ \t]/ { print; next } { show = 0 }' "$SCRATCH/log" | head -80
	grep -E '^(BUILD|run-guests|REFLECTIONS|WRITE-REFLECTIONS)' "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
