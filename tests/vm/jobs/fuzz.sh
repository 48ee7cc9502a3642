# Runs inside the host VM (busybox sh), while the runner injects NMIs: the
# fuzzers under each build of lg.ko.  Lines for tests/vm/test_fuzz.sh:
#	FUZZ-RC <step> <ko> <status>
#	FUZZ-HCALL <ko> <seed> <line>      (its hypercall count and SUMMARY)
#	FUZZ-FATAL <ko> <case> ok|bad <status> want '<reason>' got '<reason>'
#	FUZZ-REGS <ko> <line>              (fuzz_regs' summary lines)
#	HOSTLOG <line>                     (oops, BUG, WARNING or a leak in dmesg)
# Only warnings and worse reach the console: a killed guest is pr_info.
FATAL_CASES=20
dmesg -n 4
out=/tmp/fuzz.out
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
	insmod $ko
	echo "FUZZ-RC insmod $ko $?"
	for seed in 11 22; do
		/lguest/launcher -c "seed=$seed" /lguest/guests/fuzz_hcall.elf >$out 2>&1
		echo "FUZZ-RC fuzz_hcall-$seed $ko $?"
		grep -aE '^(# [0-9]+ hypercalls|SUMMARY|FAIL|# .*mismatch)' $out |
			sed "s|^|FUZZ-HCALL $ko $seed |"
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
		echo "FUZZ-FATAL $ko $k $verdict $rc want '$want' got '$got'"
	done
	rmmod lg
	echo "FUZZ-RC rmmod $ko $?"
done
# The register fuzzer last: what it finds may take the host down.
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
	insmod $ko
	/lguest/abi/fuzz_regs -s 1 -n 2000 >$out 2>&1
	echo "FUZZ-RC fuzz_regs $ko $?"
	grep -a '^fuzz_regs\|^FAIL' $out | sed "s|^|FUZZ-REGS $ko |"
	rmmod lg
	echo "FUZZ-RC rmmod-regs $ko $?"
done
dmesg | grep -E 'Oops|BUG:|WARNING:|Call Trace|leaked' | sed 's/^/HOSTLOG /'
echo "NMIS $(grep NMI: /proc/interrupts | tr -s ' ' | cut -d' ' -f2)"
