# Runs inside a host VM: boot the Linux guest kernel (put at
# /lguest/linux-guest/vmlinux by the test) under each build of lg.ko,
# print what it said with a "GUEST: " prefix so the host's own log stays
# apart, then unload the module.  The guest is expected to stop on its own
# (shut down or be killed by the host, with a reason); the timeout is the
# last resort.
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
	echo "LINUX-GUEST build $ko"
	insmod $ko || exit 1
	timeout -s KILL 300 /lguest/launcher -m 256 \
		-c 'console=hvc0 earlyprintk=lguest' /lguest/linux-guest/vmlinux \
		>/tmp/linux-guest.out 2>&1
	rc=$?
	sed 's/^/GUEST: /' /tmp/linux-guest.out
	echo "LINUX-GUEST launcher status $rc"
	rmmod lg && echo "LINUX-GUEST rmmod ok"
done
exit 0
