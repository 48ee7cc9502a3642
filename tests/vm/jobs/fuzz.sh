# Runs inside the host VM (busybox sh), while the runner injects NMIs: the
# fuzzers under each build of lg.ko, with direct_syscalls=1 (the
# hypercall fuzzer's gates and stacks may open the direct way).  Lines for tests/vm/test_fuzz.sh:
#	FUZZ-RC <step> <ko> <status>
#	FUZZ-HCALL <ko> <seed> <line>      (its hypercall count and SUMMARY)
#	FUZZ-WINDOWS <ko> <seed> <n> recorded, <m> malformed
#					   (its bench windows the launcher kept)
#	FUZZ-FATAL <ko> <case> ok|bad <status> want '<reason>' got '<reason>'
#	FUZZ-REGS <ko> <line>              (fuzz_regs' summary lines)
#	HOSTLOG <line>                     (oops, BUG, WARNING or a leak in dmesg)
#
# Each NMI makes the kernel print a note, which goes to the UART between
# two bursts of the tty's output: a line written to the console tty can be
# cut anywhere.  A kernel message is written whole, so these lines are
# kernel messages (/dev/kmsg), and the test finds them by their text and
# how they end, not by where the console line starts.
FATAL_CASES=21
out=/tmp/fuzz.out
windows=/tmp/fuzz.windows	# the launcher's results: the fuzzer's windows
result() { # result TEXT: one line the test parses
	echo "$*" >/dev/kmsg
}
results() { # results PREFIX: each line of standard input, prefixed
	while read -r line; do result "$1 $line"; done
}
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko direct_syscalls=1
	result "FUZZ-RC insmod $ko $?"
	for seed in 11 22; do
		rm -f $windows
		/lguest/launcher -r $windows -w f:1:2 -c "seed=$seed" \
			/lguest/guests/fuzz_hcall.elf >$out 2>&1
		result "FUZZ-RC fuzz_hcall-$seed $ko $?"
		grep -aE '^(# [0-9]+ hypercalls|SUMMARY|FAIL|# .*mismatch)' $out |
			results "FUZZ-HCALL $ko $seed"
		result "FUZZ-WINDOWS $ko $seed $(grep -c . $windows) recorded," \
			"$(grep -cvE '^BENCH,f,world_switches_per_op,switches,[12],[0-9]+\.[0-9]{3}$' $windows) malformed"
	done
	for k in $(seq 1 $FATAL_CASES); do
		/lguest/launcher -c "seed=$k ops=200 fatal=$k" \
			/lguest/guests/fuzz_hcall.elf >$out 2>&1
		rc=$?
		want=$(sed -n 's/^# expect kill: //p' $out)
		got=$(sed -n 's/^launcher: guest killed: //p' $out)
		verdict=bad
		case $got in
		*"$want"*) [ $rc = 70 ] && [ -n "$want" ] && verdict=ok ;;
		esac
		result "FUZZ-FATAL $ko $k $verdict $rc want '$want' got '$got'"
	done
	rmmod lg
	result "FUZZ-RC rmmod $ko $?"
done
# The register fuzzer last: what it finds may take the host down.
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko direct_syscalls=1
	/lguest/abi/fuzz_regs -s 1 -n 2000 >$out 2>&1
	result "FUZZ-RC fuzz_regs $ko $?"
	grep -a '^fuzz_regs\|^FAIL' $out | results "FUZZ-REGS $ko"
	rmmod lg
	result "FUZZ-RC rmmod-regs $ko $?"
done
dmesg | grep -E 'Oops|BUG:|WARNING:|Call Trace|leaked' | results HOSTLOG
result "NMIS $(grep NMI: /proc/interrupts | tr -s ' ' | cut -d' ' -f2)"
