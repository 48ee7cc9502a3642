#!/bin/bash
# M:012 and the exitless build against the baseline, in one VM boot
# (tests/vm/jobs/differential.sh): the randomized differential guest must
# give the same DIGEST under the three builds of lg.ko (at least 10000
# cases), with the walker really at work in the fastpath and exitless
# builds (fastpath_reflected > 0, fewer host reflections), the exitless
# build's shadow fills and SET_PTEs too, and neither in the baseline; and
# each M:012 case guest (fp_*, killed_fp_*) must end as it should under the
# fastpath build, and under the exitless build with the exitless case
# guests (ex_*, killed_ex_*), each with the counter its case exists for:
# the walker's reflections, or the fallback reason (enum
# lguest_fastpath_fallback) that sent the fault to the host; a guest that
# did not promise LGUEST_INIT_LINEAR_MAP (fp_no_linear_map) must get no
# fastpath reflection at all.  Every build runs it all twice, the second
# time with direct_syscalls=1: the differential's system calls through a
# trap gate then never exit (fewer int $0x80 exits) and the digest stays
# the same; under the exitless build ex_syscall_stack's faults in the
# CPU's push of a system call's frame go to the host as the supervisor's
# (NOT_USER).  Every module must unload, and the host's log must be free
# of oopses, BUGs, WARNINGs and shadow-page leaks.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 1200 "$TOP/tests/vm/jobs/differential.sh"
log=$SCRATCH/log
base=/lguest/lg.ko
fast=/lguest/fastpath/lg.ko
exitless=/lguest/exitless/lg.ko

check "the job finished cleanly (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]

# The differential guest, per build, the knob off and on.
for ko in $base $fast $exitless $base-direct $fast-direct $exitless-direct; do
	check "$ko: differential ran to its end, passing its own checks" \
		grep -qx "DIFF-END $ko status=0" "$log"
	check "$ko: differential printed a DIGEST line" \
		grep -qE "^DIFF $ko DIGEST [0-9a-f]{16} cases=[0-9]+$" "$log"
done
digest() {
	sed -n "s|^DIFF $1 DIGEST \([0-9a-f]*\) cases=\([0-9]*\)\$|\1 \2|p" "$log" | tail -n 1
}
# counter BUILD NAME: the differential run's counter (0 when not printed).
diff_counter() {
	local v
	v=$(grep "^DIFF $1 LGUEST-COUNTERS " "$log" | tail -n 1 | tr ' ' '\n' |
		sed -n "s/^$2=\([0-9]*\)\$/\1/p")
	echo "${v:-0}"
}
read -r base_digest base_cases <<<"$(digest $base)" || true
read -r fast_digest fast_cases <<<"$(digest $fast)" || true
read -r ex_digest ex_cases <<<"$(digest $exitless)" || true
echo "digest: baseline ${base_digest:-none} (${base_cases:-?} cases), fastpath ${fast_digest:-none} (${fast_cases:-?} cases), exitless ${ex_digest:-none} (${ex_cases:-?} cases)"
check "the digests are identical, baseline and fastpath" [ "${base_digest:-none}" = "${fast_digest:-missing}" ]
check "the digests are identical, baseline and exitless" [ "${base_digest:-none}" = "${ex_digest:-missing}" ]
check "the digests cover the same cases" [ "${base_cases:-0}" = "${fast_cases:-x}" -a "${base_cases:-0}" = "${ex_cases:-x}" ]
for ko in $base $fast $exitless; do
	read -r d n <<<"$(digest "$ko-direct")" || true
	check "$ko with direct_syscalls=1: the same digest and cases (${d:-none}, ${n:-?})" \
		[ "${d:-none} ${n:-0}" = "${base_digest:-x} ${base_cases:-x}" ]
	off=$(diff_counter "$ko" exits_other)
	on=$(diff_counter "$ko-direct" exits_other)
	check "$ko with direct_syscalls=1: fewer int \$0x80 exits ($on < $off)" \
		[ "$on" -lt "$off" ]
done
check "at least 10000 cases (${base_cases:-0})" [ "${base_cases:-0}" -ge 10000 ]
base_refl=$(diff_counter $base faults_reflected)
fast_refl=$(diff_counter $fast faults_reflected)
fast_fp=$(diff_counter $fast fastpath_reflected)
echo "differential: faults_reflected baseline $base_refl, fastpath $fast_refl; fastpath_reflected $fast_fp, baseline $(diff_counter $base fastpath_reflected)"
check "fastpath: the walker reflected faults itself ($fast_fp)" [ "$fast_fp" -gt 0 ]
check "fastpath: the host reflected fewer ($fast_refl < $base_refl)" [ "$fast_refl" -lt "$base_refl" ]
check "baseline: no fastpath reflection" [ "$(diff_counter $base fastpath_reflected)" = 0 ]
check "baseline: the host reflected the differential's faults" [ "$base_refl" -gt 0 ]
# The exitless build's own paths at work in the same cases: shadow fills
# and SET_PTEs the Switcher did itself, so fewer fills by the host.
ex_fills=$(diff_counter $exitless exitless_fills)
ex_set_ptes=$(diff_counter $exitless exitless_set_ptes)
echo "differential: exitless_fills $ex_fills, exitless_set_ptes $ex_set_ptes; faults_fixed baseline $(diff_counter $base faults_fixed), exitless $(diff_counter $exitless faults_fixed)"
check "exitless: the Switcher filled shadow entries ($ex_fills)" [ "$ex_fills" -gt 0 ]
check "exitless: the Switcher answered SET_PTEs ($ex_set_ptes)" [ "$ex_set_ptes" -gt 0 ]
check "exitless: the Switcher reflected faults too" [ "$(diff_counter $exitless fastpath_reflected)" -gt 0 ]
check "exitless: the host filled fewer" \
	[ "$(diff_counter $exitless faults_fixed)" -lt "$(diff_counter $base faults_fixed)" ]
for ko in $base $fast; do
	check "$ko: no exitless fill or SET_PTE" \
		[ "$(diff_counter $ko exitless_fills)" = 0 -a "$(diff_counter $ko exitless_set_ptes)" = 0 ]
done

# The case guests under the fastpath build, the knob off and on.  fastpath_fallback<i> counts
# enum lguest_fastpath_fallback: 0 NOT_READY, 1 NOT_USER, 2 PROTECTION,
# 3 SWITCHER_RANGE, 4 PRESENT, 5 BAD_TABLE, 6 BAD_STACK, 7 RECURSIVE.
# Lines of the build under test: FPCASE (fastpath), then EXCASE (exitless).
tag=FPCASE
case_counter() {
	local v
	v=$(grep "^$tag $1 " "$log" | tail -n 1 | tr ' ' '\n' |
		sed -n "s/^$2=\([0-9]*\)\$/\1/p")
	echo "${v:-0}"
}
case_status() {
	grep "^$tag $1 " "$log" | tail -n 1 | sed -n "s/^$tag [^ ]* status=\([0-9]*\).*/\1/p"
}
# expect GUEST STATUS [COUNTER OP VALUE]...: OP is one of -eq -ge.
expect() {
	local g=$1 want=$2 got
	shift 2
	got=$(case_status "$g")
	check "$tag: $g ran and ended with status $want (${got:-not run})" \
		[ "${got:-none}" = "$want" ]
	while [ $# -ge 3 ]; do
		got=$(case_counter "$g" "$1")
		check "$tag: $g: $1 $2 $3 ($got)" [ "$got" "$2" "$3" ]
		shift 3
	done
}
# The walker's cases, the same in both builds that have it ($tag).
walker_cases() {
	# a, b: the walker reflects every one of them, the host none.
	expect fp_pde_notpresent 0 fastpath_reflected -ge 32 faults_reflected -eq 0
	expect fp_pte_notpresent 0 fastpath_reflected -ge 32 faults_reflected -eq 0
	# d: a table beyond memory, a large page: BAD_TABLE, killed.
	expect killed_fp_bad_table 70 fastpath_fallback5 -ge 1
	expect killed_fp_large_page 70 fastpath_fallback5 -ge 1
	# e, f (i), g: each guest provokes exactly 3 recursions and 3 clean
	# reflections (its control runs), which also shows where the walk
	# faulted.
	for g in fp_recursive_pte fp_recursive_stack fp_recursive_lguest_data; do
		expect $g 0 fastpath_fallback7 -eq 3 fastpath_reflected -eq 3 \
			faults_reflected -eq 3
	done
	# f (ii): an unmapped kernel stack: RECURSIVE, then killed; in the
	# Switcher's range: BAD_STACK, killed.
	expect killed_fp_unmapped_stack 70 fastpath_fallback7 -ge 1
	expect killed_fp_switcher_stack 70 fastpath_fallback6 -ge 1
	# h: no #PF handler: NOT_READY, far more than a boot takes (about 15).
	expect killed_fp_no_handler 70 fastpath_fallback0 -ge 200
	# i: ring-1 faults: NOT_USER, reflected by the host.
	expect fp_kernel_notpresent 0 fastpath_fallback1 -ge 240 \
		faults_reflected -ge 240 fastpath_reflected -eq 0
	# j: the Switcher's range: PROTECTION for the reads where its pages
	# are; SWITCHER_RANGE for the writes there (a write protection fault
	# is the walker's to judge, and the range check refuses it) and for
	# everything above them.
	expect fp_switcher_range 0 fastpath_fallback2 -ge 4 fastpath_fallback3 -ge 8
	# No LGUEST_INIT_LINEAR_MAP promise, no fastpath: the host reflects
	# its ring-3 not-present faults (32, and the one its handler fixes),
	# the Switcher none, and none of its SET_PTEs.
	expect fp_no_linear_map 0 fastpath_reflected -eq 0 faults_reflected -ge 32 \
		exitless_set_ptes -eq 0
	# k: the interrupt during reflections.
	expect fp_irq_during_reflect 0 fastpath_reflected -ge 16 irqs_delivered -ge 16
}
for tag in FPCASE FPCASE-direct; do
	walker_cases
	# c: present entries, no shadow: PRESENT, fixed unseen.
	expect fp_present_noshadow 0 fastpath_fallback4 -ge 128 fastpath_reflected -eq 0
	# Every case guest that was built ran.
	built=$(grep -c "^$tag [^ ]* status=" "$log" || true)
	check "$tag: all 15 case guests ran ($built)" [ "$built" -ge 15 ]
done

# The same under the exitless build, where the walker is the same but a
# present entry the guest allows is filled by the Switcher:
# fastpath_fallback8 is NO_SHADOW, no shadow page table to fill (after
# LHCALL_FLUSH_TLB threw them away) or no frame table.
for tag in EXCASE EXCASE-direct; do
	walker_cases
	expect fp_present_noshadow 0 fastpath_fallback8 -ge 128 fastpath_fallback4 -eq 0 \
		fastpath_reflected -eq 0
	# The exitless build's own: with the async ring holding a call, every
	# SET_PTE goes to the host, which runs the ring first (64 rounds); a
	# frame past the end of memory, by SET_PTE or in a PTE the Switcher
	# would fill, goes to the host, which kills (BAD_TABLE for the fill).
	expect ex_async_order 0 hcall_set_pte -ge 64
	expect killed_ex_set_pte_range 70
	expect killed_ex_fill_range 70 fastpath_fallback5 -ge 1 exitless_fills -eq 0
	built=$(grep -c "^$tag [^ ]* status=" "$log" || true)
	check "$tag: all 19 case guests ran under the exitless build ($built)" [ "$built" -ge 19 ]
done
# ex_syscall_stack: with the knob off its 8 system calls and its setup's
# exit; with it on, only the setup's: the Switcher's SET_PTE drops the
# stack's entry, the CPU's push of each of the 8 frames faults as the
# supervisor, and the walker hands each to the host (NOT_USER, as it
# does the guest kernel's own faults), never trying a reflection of its
# own, whose frame write would fault again (RECURSIVE).
tag=EXCASE
expect ex_syscall_stack 0 exits_other -eq 9
tag=EXCASE-direct
expect ex_syscall_stack 0 exits_other -eq 1 fastpath_fallback1 -ge 8 \
	fastpath_fallback7 -eq 0

for ko in $base $fast $exitless $base-direct $fast-direct $exitless-direct; do
	check "$ko: rmmod lg succeeded" grep -qx "RMMOD-OK $ko" "$log"
done
refute "host kernel log free of oops/BUG/WARNING/leaks" grep -q '^DMESG ' "$log"
refute "host console free of oops/BUG/WARNING" \
	grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$log"

if [ "$failures" != 0 ]; then
	grep -aE '^(DIFF|FPCASE|EXCASE|RMMOD|INSMOD|DMESG)' "$log" | grep -vE '^DIFF [^ ]+ PASS: ' | cut -c1-400 | tail -80
	tail -20 "$log"
	cat "$SCRATCH/err"
fi
finish
