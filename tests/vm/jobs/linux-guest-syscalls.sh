# Runs inside a host VM (tests/vm/test_linux_guest_syscalls.sh): under each
# build of lg.ko, with direct_syscalls=0 and =1, the Linux guest runs
# lat_syscall_null and mm_stress; its output lines are prefixed
# "GUEST <build> <knob>: ".
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	case $ko in
	/lguest/lg.ko) build=baseline ;;
	*) build=$(basename "$(dirname "$ko")") ;;
	esac
	for knob in 0 1; do
		insmod $ko direct_syscalls=$knob || exit 1
		rc=0
		/lguest/run-linux-guest -q -t 600 /job/syscalls.sh \
			>/tmp/linux-guest.out 2>&1 || rc=$?
		sed "s/^/GUEST $build $knob: /" /tmp/linux-guest.out
		echo "LINUX-GUEST $build $knob launcher status $rc"
		rmmod lg && echo "LINUX-GUEST rmmod ok"
	done
done
exit 0
