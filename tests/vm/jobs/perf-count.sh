# Runs inside the host VM: perf-count (initramfs/perf-count.sh) around
# guests under each build of lg.ko and around a native bench program, and
# in the two cases where perf cannot count.  Each run's PERF lines carry a
# label; PC-RC says how each command ended.
run() { # run LABEL MODE COMMAND...
	label=$1 mode=$2
	shift 2
	/lguest/perf-count "$mode" "$label" "$@" >/tmp/out 2>&1
	echo "PC-RC $label $?"
	grep -E '^PERF' /tmp/out
}
for build in baseline fastpath exitless; do
	ko=/lguest/$build/lg.ko
	[ $build != baseline ] || ko=/lguest/lg.ko
	insmod $ko || exit 1
	run $build-bench lguest /lguest/launcher -c 'reps=2 warmup=1 ops=300' \
		/lguest/guests/bench_user_fault_notpresent.elf
	run $build-present lguest /lguest/launcher /lguest/guests/user_fault_present.elf
	# Killed by the host: the launcher prints its counters all the same.
	run $build-killed lguest /lguest/launcher /lguest/guests/killed_unknown_hcall.elf
	rmmod lg || exit 1
done
run native-fault1 faults page_fault1 -r 3 -w 1 -s 2M
run native-cow faults cow_fork -r 3 -w 1 -s 2M
run native-fork faults lat_proc_fork -r 2 -w 1 -n 20
# No lg.ko: no lguest events, so no count, and the guest still runs (and
# fails to open /dev/lguest: status 71).
run no-module lguest /lguest/launcher /lguest/guests/null_hcall.elf
# No perf at all.
PATH=/bin:/sbin:/bench run no-perf faults page_fault1 -r 1 -w 0 -s 1M
exit 0
