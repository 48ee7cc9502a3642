# Runs inside the host VM (busybox sh): the Linux guest under the baseline
# lg.ko runs lat_syscall_null among forgeries (/job/forged-results.sh,
# tests/vm/jobs/linux-guest/forged-results.sh), the launcher recording the
# windows of 2 repetitions of 1000 operations on the results channel,
# /dev/ttyS1 (vm-run.sh -r).  Lines for
# tests/vm/test_forged_results_linux.sh, besides the guest's console and
# the launcher's notes:
#	FORGED-RC <step> <status>
#	HOSTLOG <line>			(an oops, BUG or WARNING in dmesg)
insmod /lguest/lg.ko
echo "FORGED-RC insmod $?"
/lguest/run-linux-guest -q -r /dev/ttyS1 -w lat_syscall_null:1000:2:op \
	/job/forged-results.sh 2>&1
echo "FORGED-RC run $?"
rmmod lg
echo "FORGED-RC rmmod $?"
dmesg | grep -E 'Oops|BUG:|WARNING:|Call Trace' | sed 's/^/HOSTLOG /'
