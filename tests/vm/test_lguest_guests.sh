#!/bin/bash
# Every test guest under the three builds of lg.ko (tests/guests/expect.txt,
# judged by run-guests.sh inside the VM), then the one difference the
# builds may show: who did the work.  User-space not-present faults are
# reflected by the host (baseline) or by the Switcher itself (fastpath,
# exitless); the shadow entry of a page the guest has mapped is filled,
# and copy-on-write's LHCALL_SET_PTE answered, by the host or (exitless)
# by the Switcher; with direct_syscalls=1, a trap gate's int $0x80 reaches
# the guest kernel with no exit, and with the knob off through the host.
# Every guest runs with the knob on, the system-call guests also without.
# Fails on
# any failed guest, a failed rmmod, a guest's shadow pages not all freed,
# or an oops, BUG or WARNING in the host's kernel log; every guest's
# shadow is audited as it goes (run-guests.sh).
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 1500 "$TOP/tests/vm/jobs/guests-every-build.sh"
check "every guest behaved and lg.ko unloaded, every build (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
summaries=$(grep -cE '^run-guests: [1-9][0-9]* passed, 0 failed$' "$SCRATCH/log" || true)
check "the three builds ran their guests, and the system-call guests again, with no failure" \
	[ "$summaries" = 6 ]
check "each build ran them with the Switcher's verw before every entry" \
	[ "$(count '^MODULE-PARAM verw_always=Y$' "$SCRATCH/log")" = 6 ]
check "each build ran them all with direct system calls, and those guests without" \
	[ "$(count '^MODULE-PARAM direct_syscalls=Y$' "$SCRATCH/log")" = 3 -a \
	  "$(count '^MODULE-PARAM direct_syscalls=N$' "$SCRATCH/log")" = 3 ]
refute "no guest failed" grep -qE '^(GUEST|CHECK)-FAIL' "$SCRATCH/log"
check_host_log_clean
refute "no guest leaked shadow pages" grep -q 'leaked .* shadow pages' "$SCRATCH/log"
# run-guests.sh judged each guest's shadow audit (no bad entry, stale ones
# only where expect.txt allows): here, that every guest run had one, and
# that stale_shadow's three stale entries were seen under every build.
check "every guest's shadow was audited" \
	[ "$(count '^AUDIT ' "$SCRATCH/log")" = "$(count '^GUEST-(PASS|FAIL) ' "$SCRATCH/log")" ]
check "the audit found stale_shadow's 3 stale entries, every build" \
	[ "$(count '^AUDIT stale_shadow .* 3 stale, 0 bad$' "$SCRATCH/log")" = \
	  "$(count '^BUILD ' "$SCRATCH/log")" ]

# counter TAG BUILD NAME: one counter of the run the job printed as TAG
# (0 when the line lacks it: the launcher prints some only when non-zero).
counter() {
	local v
	v=$(sed -n "s|^$1 $2 .* $3=\([0-9]*\).*|\1|p" "$SCRATCH/log")
	echo "${v:-0}"
}
base=/lguest/lg.ko fast=/lguest/fastpath/lg.ko exitless=/lguest/exitless/lg.ko
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
	check "exitless: the Switcher reflected the $what" \
		[ "$(counter "$tag" $exitless fastpath_reflected)" -ge 5 ]
	check "exitless: the host reflected none of the $what" \
		[ "$(counter "$tag" $exitless faults_reflected)" = 0 ]
done
# 50 pages the guest has mapped and the shadow lacks (FILLS), and 50
# copy-on-write faults, each with its LHCALL_SET_PTE (SET-PTES).
for ko in $base $fast; do
	check "$ko: the host filled the 50 pages" [ "$(counter FILLS $ko faults_fixed)" -ge 50 ]
	check "$ko: no Switcher fill" [ "$(counter FILLS $ko exitless_fills)" = 0 ]
	check "$ko: the host answered the 50 SET_PTEs" [ "$(counter SET-PTES $ko hcall_set_pte)" -ge 50 ]
	check "$ko: no SET_PTE answered by the Switcher" [ "$(counter SET-PTES $ko exitless_set_ptes)" = 0 ]
done
# The first of the 50 finds no shadow page table for its 4 MiB region (the
# setup's SET_PTEs had none to write into) and goes to the host, which
# makes one; the Switcher fills the other 49.
check "exitless: the Switcher filled 49 of the 50 pages" [ "$(counter FILLS $exitless exitless_fills)" -ge 49 ]
check "exitless: the host filled fewer than 50 ($(counter FILLS $exitless faults_fixed) of them kernel faults)" \
	[ "$(counter FILLS $exitless faults_fixed)" -lt "$(counter FILLS $base faults_fixed)" ]
check "exitless: the Switcher answered the 50 copy-on-write SET_PTEs" \
	[ "$(counter SET-PTES $exitless exitless_set_ptes)" -ge 50 ]
check "exitless: the host answered fewer SET_PTEs than the baseline's" \
	[ "$(counter SET-PTES $exitless hcall_set_pte)" -lt "$(counter SET-PTES $base hcall_set_pte)" ]
# syscall_direct's int $0x80 exits: its setup's call and the 10 through an
# interrupt gate always; with the knob off also the 130 through a trap
# gate, which with it on the CPU delivers itself, in every build.
for ko in $base $fast $exitless; do
	check "$ko, direct_syscalls=1: only the interrupt gate's system calls exit" \
		[ "$(counter SYSCALLS-1 $ko exits_other)" = 11 ]
	check "$ko, direct_syscalls=0: every system call exits" \
		[ "$(counter SYSCALLS-0 $ko exits_other)" = 141 ]
done
# On failure: each failed guest with the output lines run-guests.sh
# indents under it, then the summaries.
[ "$failures" = 0 ] || {
	awk '/^(GUEST|CHECK)-FAIL/ { show = 1; print; next }
	     show && /^[ \t]/ { print; next } { show = 0 }' "$SCRATCH/log" | head -80
	grep -E '^(BUILD|SYSCALL-GUESTS|run-guests|REFLECTIONS|WRITE-REFLECTIONS|FILLS|SET-PTES|SYSCALLS)' "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
