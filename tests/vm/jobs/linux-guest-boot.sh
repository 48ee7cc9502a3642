# Runs inside a host VM (tests/vm/test_linux_guest_boot.sh): under each
# build of lg.ko, boot the Linux guest on a small busybox job and print
# what it said with a "GUEST: " prefix; then boot it again and kill the
# launcher mid-boot.  After each build, unload the module.
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	echo "LINUX-GUEST build $ko"
	insmod $ko || exit 1
	rc=0
	/lguest/run-linux-guest -t 300 /job/hello.sh >/tmp/linux-guest.out 2>&1 || rc=$?
	sed 's/^/GUEST: /' /tmp/linux-guest.out
	echo "LINUX-GUEST launcher status $rc"
	# Mid-boot: once the guest has said where it boots, before its /init.
	# The output file is new each time: the background shell truncates
	# it only once it runs, and a stale one would end the wait at once.
	rm -f /tmp/killed.out
	/lguest/run-linux-guest -t 300 /job/hello.sh >/tmp/killed.out 2>&1 &
	n=0
	while ! grep -q 'Booting paravirtualized kernel' /tmp/killed.out && [ $n -lt 3000 ]; do
		usleep 10000
		n=$((n + 1))
	done
	killed=no
	killall -9 launcher && killed=yes
	wait
	[ $killed = yes ] && ! grep -q 'job exited' /tmp/killed.out &&
		echo "LINUX-GUEST killed mid-boot"
	rmmod lg && echo "LINUX-GUEST rmmod ok"
done
exit 0
