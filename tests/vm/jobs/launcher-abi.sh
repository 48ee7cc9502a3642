# Runs inside the host VM, booted with slab poisoning: the /dev/lguest
# programs that run real guests (tests/abi), under each build of lg.ko, as
# root (memlock drops to nobody by itself, hence the open device).  Each
# program's status is printed (ABI-RC); then every slab cache is checked
# for freed objects written to, and HOST-ALIVE says the host got there.
status=0
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko || exit 1
	chmod 0666 /dev/lguest
	for t in dr6_after_guest irq_thread memlock task_lifetime watch_during_guest; do
		timeout -k 5 120 /lguest/abi/$t
		rc=$?
		echo "ABI-RC $t $ko $rc"
		[ $rc = 0 ] || status=1
	done
	rmmod lg || status=1
done
for v in /sys/kernel/slab/*/validate; do
	echo 1 >"$v"
done 2>/dev/null
echo HOST-ALIVE
exit $status
