# Runs inside the host VM (busybox sh), for test_fastpath_differential.sh.
# The randomized differential guest under the baseline lg.ko, then under the
# fastpath one, then under the exitless one; under the fastpath one, every
# M:012 case guest (fp_*, killed_fp_*), and under the exitless one those
# and the exitless build's own (ex_*, killed_ex_*), with the host's
# counters.  Each build twice: as loaded by default, then with
# direct_syscalls=1 (its lines' module and tags with "-direct" added).
# Output lines:
#	DIFF <module> <a line of the guest's output>
#	DIFF-END <module> status=<launcher status>
#	FPCASE <guest> status=<launcher status> <the LGUEST-COUNTERS line>
#	EXCASE <guest> status=<launcher status> <the LGUEST-COUNTERS line>
#	RMMOD-OK <module> | RMMOD-FAIL <module>
#	DMESG <a line of the host's kernel log that must not be there>
guests=/lguest/guests
out=/tmp/differential.out
status=0
# cases TAG PATTERN...: each case guest matching, with its counters.
cases() {
	tag=$1
	shift
	for elf in "$@"; do
		[ -f "$elf" ] || continue
		g=$(basename "$elf" .elf)
		timeout -k 5 120 /lguest/launcher "$elf" >"$out" 2>&1
		rc=$?
		echo "$tag $g status=$rc $(grep '^LGUEST-COUNTERS' "$out" | tail -n 1)"
		grep -E '^(FAIL|launcher: guest killed)' "$out" | sed "s|^|$tag-OUT $g |"
	done
}
for run in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko \
	/lguest/lg.ko-direct /lguest/fastpath/lg.ko-direct \
	/lguest/exitless/lg.ko-direct; do
	ko=${run%-direct}
	direct=
	[ "$run" = "$ko" ] || direct=-direct
	if ! insmod "$ko" ${direct:+direct_syscalls=1}; then
		echo "INSMOD-FAIL $run"
		exit 1
	fi
	n=0
	while [ ! -c /dev/lguest ] && [ $n -lt 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	timeout -k 5 300 /lguest/launcher "$guests/differential.elf" >"$out" 2>&1
	rc=$?
	sed "s|^|DIFF $run |" "$out"
	echo "DIFF-END $run status=$rc"
	[ "$rc" = 0 ] || status=1
	case $ko in
	/lguest/fastpath/lg.ko)
		cases FPCASE$direct "$guests"/fp_*.elf "$guests"/killed_fp_*.elf ;;
	/lguest/exitless/lg.ko)
		cases EXCASE$direct "$guests"/fp_*.elf "$guests"/killed_fp_*.elf \
			"$guests"/ex_*.elf "$guests"/killed_ex_*.elf ;;
	esac
	if timeout 60 rmmod lg; then
		echo "RMMOD-OK $run"
	else
		echo "RMMOD-FAIL $run"
		status=1
	fi
done
dmesg | grep -E 'Oops|BUG:|WARNING:|Call Trace|leaked .* shadow pages' | sed 's/^/DMESG /'
exit $status
