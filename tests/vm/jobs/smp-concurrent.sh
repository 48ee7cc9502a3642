# Runs inside a 2-CPU host VM: four guests at once under each build, so
# they share the host CPUs' Switcher pages and migrate between CPUs.
status=0
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko || exit 1
	pids= n=0
	for g in user_fault_notpresent bench_user_fault_notpresent \
		 user_fault_notpresent bench_user_fault_notpresent; do
		n=$((n + 1))
		/lguest/launcher -q -c 'reps=2 warmup=0 ops=500' \
			/lguest/guests/$g.elf >/tmp/smp-$n.out 2>&1 &
		pids="$pids $!"
	done
	n=0
	for p in $pids; do
		n=$((n + 1))
		wait $p ||
			{ echo "SMP-FAIL $ko: guest $n exited $?"; tail -3 /tmp/smp-$n.out; status=1; }
	done
	rmmod lg || status=1
	echo "SMP-DONE $ko"
done
exit $status
