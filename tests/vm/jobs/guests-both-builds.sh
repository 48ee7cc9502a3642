# Runs inside the host VM (busybox sh): every test guest under the
# baseline lg.ko, then under the fastpath one; then where a user-space
# not-present fault, and a user-space write fault, was reflected in each
# build, from the host's counters.
status=0
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
	echo "BUILD $ko"
	LGUEST_MODULE=$ko sh /lguest/guests/run-guests.sh || status=1
done
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
	insmod $ko || exit 1
	line=$(/lguest/launcher /lguest/guests/user_fault_notpresent.elf 2>&1 >/dev/null |
		grep '^LGUEST-COUNTERS')
	echo "REFLECTIONS $ko $line"
	line=$(/lguest/launcher /lguest/guests/fp_write_fault.elf 2>&1 >/dev/null |
		grep '^LGUEST-COUNTERS')
	echo "WRITE-REFLECTIONS $ko $line"
	rmmod lg || status=1
done
exit $status
