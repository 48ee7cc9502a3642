# Runs inside a host VM (tests/vm/test_linux_guest_stress.sh): under each
# build of lg.ko and each way new PTEs reach the host (lguest_pte=), the
# Linux guest runs mm_stress and page_fault1; its output lines are
# prefixed "GUEST <build> <policy>: ".  lg.ko audits the guest's shadow as
# it goes (shadow_audit=1): the summary line is printed as
# "AUDIT <build> <policy>: <line>".
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	case $ko in
	/lguest/lg.ko) build=baseline ;;
	*) build=$(basename "$(dirname "$ko")") ;;
	esac
	insmod $ko shadow_audit=1 || exit 1
	for pte in demand set-pte; do
		dmesg -c >/dev/null
		rc=0
		/lguest/run-linux-guest -q -t 600 -a "lguest_pte=$pte" /job/mm-stress.sh \
			>/tmp/linux-guest.out 2>&1 || rc=$?
		sed "s/^/GUEST $build $pte: /" /tmp/linux-guest.out
		echo "LINUX-GUEST $build $pte launcher status $rc"
		dmesg | grep 'shadow audit of guest [0-9]*: [0-9]* pages' |
			sed "s/^/AUDIT $build $pte: /"
	done
	rmmod lg && echo "LINUX-GUEST rmmod ok"
done
exit 0
