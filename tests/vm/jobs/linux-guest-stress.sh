# Runs inside a host VM (tests/vm/test_linux_guest_stress.sh): under each
# build of lg.ko, the Linux guest runs mm_stress; its output is prefixed
# "GUEST: ".
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
	echo "LINUX-GUEST build $ko"
	insmod $ko || exit 1
	rc=0
	/lguest/run-linux-guest -t 600 /job/mm-stress.sh >/tmp/linux-guest.out 2>&1 || rc=$?
	sed 's/^/GUEST: /' /tmp/linux-guest.out
	echo "LINUX-GUEST launcher status $rc"
	rmmod lg && echo "LINUX-GUEST rmmod ok"
done
exit 0
