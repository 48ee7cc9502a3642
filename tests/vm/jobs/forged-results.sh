# Runs inside the host VM (busybox sh): the guest that forges results
# (tests/guests/forged_results.c) under each build of lg.ko, the launcher
# recording its windows on the results channel, /dev/ttyS1 (vm-run.sh -r).
# Lines for tests/vm/test_forged_results.sh, besides the guest's console
# and the launcher's notes:
#	FORGED-RC <step> <ko> <status>
#	HOSTLOG <line>			(an oops, BUG or WARNING in dmesg)
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko
	echo "FORGED-RC insmod $ko $?"
	/lguest/launcher -q -r /dev/ttyS1 -w forged:10:3 \
		-c 'reps=3 warmup=1 ops=10' /lguest/guests/forged_results.elf 2>&1
	echo "FORGED-RC run $ko $?"
	rmmod lg
	echo "FORGED-RC rmmod $ko $?"
done
dmesg | grep -E 'Oops|BUG:|WARNING:|Call Trace' | sed 's/^/HOSTLOG /'
