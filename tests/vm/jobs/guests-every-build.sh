# Runs inside the host VM (busybox sh): every test guest under the
# baseline lg.ko, then under the fastpath one, then under the exitless one,
# each with the Switcher clearing the CPU's buffers (verw) before every
# entry into the guest, as on a host that needs it, and with direct system
# calls (direct_syscalls=1), then the system-call guests again without;
# then, from the host's counters of each build, who delivered
# syscall_direct's system calls, the knob on and off (SYSCALLS-1, -0);
# then, from the host's counters of each build: where a user-space
# not-present fault, and a user-space write fault, was reflected; who
# filled the shadow for pages the guest had mapped (FILLS); who answered
# copy-on-write's LHCALL_SET_PTEs (SET-PTES).
status=0
builds="/lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko"
for ko in $builds; do
	echo "BUILD $ko"
	LGUEST_MODULE=$ko LGUEST_MODULE_ARGS="verw_always=1 direct_syscalls=1" \
		sh /lguest/guests/run-guests.sh || status=1
	echo "SYSCALL-GUESTS $ko direct_syscalls=0"
	LGUEST_MODULE=$ko LGUEST_MODULE_ARGS=verw_always=1 \
		sh /lguest/guests/run-guests.sh user_trap syscall_direct \
		syscall_gate_refused ex_syscall_stack \
		killed_syscall_stack_unmapped killed_syscall_stack_switcher ||
		status=1
done
# counters TAG GUEST [CMDLINE]: the launcher's counters line of one run.
counters() {
	if [ $# -ge 3 ]; then
		set -- "$1" "$2" -c "$3"
	fi
	tag=$1 elf=/lguest/guests/$2.elf
	shift 2
	line=$(/lguest/launcher "$@" "$elf" 2>&1 >/dev/null |
		grep '^LGUEST-COUNTERS')
	echo "$tag $ko $line"
}
for ko in $builds; do
	insmod $ko || exit 1
	counters REFLECTIONS user_fault_notpresent
	counters WRITE-REFLECTIONS fp_write_fault
	counters FILLS bench_user_fault_present "reps=1 warmup=0 ops=50"
	counters SET-PTES bench_user_fault_cow "reps=1 warmup=0 ops=50"
	rmmod lg || status=1
done
for ko in $builds; do
	for knob in 0 1; do
		insmod $ko direct_syscalls=$knob || exit 1
		counters SYSCALLS-$knob syscall_direct
		rmmod lg || status=1
	done
done
exit $status
