# Runs inside a host VM on one CPU model
# (tests/vm/test_linux_guest_cpu_models.sh): under the baseline lg.ko, the
# Linux guest runs the quick benchmark suite, which /job/suite-writer.sh
# (scripts/suite.sh's Linux-guest part) writes out; at its end the guest
# prints what its kernel logged at warning level or above, each line
# after "KLOG-WARN ", then "KLOG-READ".  What the guest said is printed
# with a "GUEST: " prefix.
insmod /lguest/lg.ko || exit 1
. /job/suite-writer.sh
echo "dmesg -r >/tmp/klog && sed -n 's/^<[0-4]>/KLOG-WARN /p' /tmp/klog && echo KLOG-READ" \
	>>/tmp/linux-guest-suite.sh
rc=0
/lguest/run-linux-guest -m 448 -t 600 /tmp/linux-guest-suite.sh >/tmp/linux-guest.out 2>&1 || rc=$?
sed 's/^/GUEST: /' /tmp/linux-guest.out
echo "LINUX-GUEST suite status $rc"
rmmod lg && echo "LINUX-GUEST rmmod ok"
exit 0
