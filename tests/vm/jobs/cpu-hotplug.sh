# Runs inside a host VM booted with 2 CPUs but maxcpus=1: CPU 1 comes
# online only after lg.ko is loaded (and goes off and on again while it
# is), and a guest must run on it under each build, and under the
# baseline with pge_off=1 (whose hotplug callback turns the new CPU's
# global pages off).
status=0
cpu1=/sys/devices/system/cpu/cpu1/online
for load in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko \
	"/lguest/lg.ko pge_off=1"; do
	[ "$(cat $cpu1)" = 0 ] || { echo "HOTPLUG-FAIL cpu1 online before insmod"; exit 1; }
	insmod $load || exit 1
	for round in 1 2; do
		echo 1 >$cpu1 || { echo "HOTPLUG-FAIL cannot online cpu1"; exit 1; }
		taskset 2 /lguest/launcher -q /lguest/guests/user_fault_notpresent.elf \
			>/tmp/hotplug.out 2>&1
		rc=$?
		grep -q '^SUMMARY: [1-9][0-9]* passed, 0 failed' /tmp/hotplug.out || rc=1
		echo "HOTPLUG $load round $round status $rc"
		[ $rc = 0 ] || { tail -5 /tmp/hotplug.out; status=1; }
		echo 0 >$cpu1 || status=1
	done
	rmmod lg || status=1
done
exit $status
