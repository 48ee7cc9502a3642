#!/bin/bash
# The fuzzers, under each build of lg.ko, in one boot during an NMI storm
# (an NMI every 10 ms): fuzz_hcall (tests/guests/fuzz_hcall.c) survives two
# seeds of random hypercalls with every check passing, its random bench
# windows leaving the launcher's results as -w allows, and each of its
# fatal calls gets it killed with the reason the ABI names; fuzz_regs
# (tests/abi/fuzz_regs.c) runs 2000 random register sets; then rmmod
# works, no guest leaked shadow pages, and the host's log shows no oops,
# BUG or WARNING.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -n 10 -t 600 "$TOP/tests/vm/jobs/fuzz.sh"
# The job's lines are kernel messages, whole from their text to the end of
# the line but not necessarily at its start (jobs/fuzz.sh says why): no
# pattern is anchored at the start.
check "the job ran to its end (vm-run status $VM_RC)" grep -q 'NMIS [0-9]*$' "$SCRATCH/log"
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	check "$ko: insmod" grep -q "FUZZ-RC insmod $ko 0$" "$SCRATCH/log"
	for seed in 11 22; do
		check "$ko: fuzz_hcall seed $seed survived, every check passed" \
			grep -qE "FUZZ-HCALL $ko $seed SUMMARY: [1-9][0-9]* passed, 0 failed$" \
			"$SCRATCH/log"
		calls=$(sed -n "s|.*FUZZ-HCALL $ko $seed # \([0-9]*\) hypercalls.*|\1|p" "$SCRATCH/log")
		check "$ko: fuzz_hcall seed $seed made tens of thousands of calls (${calls:-none})" \
			[ "${calls:-0}" -ge 20000 ]
		# launcher -w f:1:2: at most windows 1 and 2 of "f".
		check "$ko: fuzz_hcall seed $seed: the launcher kept at most the 2 windows asked for, well formed" \
			grep -qE "FUZZ-WINDOWS $ko $seed [012] recorded, 0 malformed$" "$SCRATCH/log"
	done
	check "$ko: every fatal call killed the guest with its reason" \
		[ "$(grep -c "FUZZ-FATAL $ko [0-9]* ok " "$SCRATCH/log")" = 21 ]
	check "$ko: fuzz_regs found nothing wrong" \
		grep -qE "FUZZ-REGS $ko fuzz_regs: [0-9]+ checks, 0 failed$" "$SCRATCH/log"
	check "$ko: rmmod" grep -q "FUZZ-RC rmmod $ko 0$" "$SCRATCH/log"
	check "$ko: rmmod after fuzz_regs" grep -q "FUZZ-RC rmmod-regs $ko 0$" "$SCRATCH/log"
done
nmis=$(sed -n 's/.*NMIS \([0-9]*\)$/\1/p' "$SCRATCH/log")
check "NMIs really arrived (${nmis:-none})" [ "${nmis:-0}" -ge 50 ]
check_host_log_clean
refute "dmesg free of oops, BUG, WARNING and leaks" grep -q 'HOSTLOG ' "$SCRATCH/log"
[ "$failures" = 0 ] || {
	grep -aE '(FUZZ|HOSTLOG|NMIS)' "$SCRATCH/log" | grep -av ' ok ' | cut -c1-200
	grep -aE 'BUG:|Oops|EIP:' "$SCRATCH/log" | head -5
	tail -5 "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
