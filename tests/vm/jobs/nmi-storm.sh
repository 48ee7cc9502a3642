# Runs inside the host VM while the runner injects NMIs (or machine
# checks, vm-run.sh -e): the fault guests under each build, so they land
# in the Switcher, in the M:012 walker, in the exitless build's window on
# the host's cr3, and in the host, and the null-hypercall guest, whose
# every operation is a trip through the world switch.  lg.ko runs with
# direct_syscalls=1, and (but under -singlestep) syscall_direct's system
# calls go straight from user space to the guest kernel while NMIs land.
# Each guest must still pass, and the host must not notice.
# Every step's status is printed (STORM-RC), to tell what failed.
#
# Each NMI makes the kernel print a note, which goes to the UART between
# two bursts of the tty's output: a line written to the console tty can be
# cut anywhere.  A kernel message is written whole, so the lines the test
# reads are kernel messages (/dev/kmsg), each one write ending in a
# newline, and the test finds them by how they end, not how they start.
#
# Where NMIs landed inside the Switcher, lg.ko's lguest_switcher_nmi trace
# event says: under each build, SWITCHER-NMIS gives how many did and the
# places they hit (offsets into the Switcher's text).
#
# STORM=world-switch in the environment runs only the fault guest and the
# null-hypercall guest under each build, not the benchmarks of the fault
# paths: the pass under QEMU's -singlestep, where everything is slower.
#
# MCE_ACK=1 (the machine-check storms, vm-run.sh -A 'MCE-ACK'): a watcher
# says "MCE-ACK <count>" each time the host's count of machine checks
# grows, that is once its handler has run and the CPU can take the next
# one; the runner injects the next only then.
status=0
events=/sys/kernel/tracing/events/lguest/lguest_switcher_nmi
result() { # result TEXT: one line the test parses
	echo "$*" >/dev/kmsg
}
mces() { # the host's count of machine checks
	grep MCE: /proc/interrupts | tr -s ' ' | cut -d' ' -f2
}
if [ -n "${MCE_ACK:-}" ]; then
	(
		seen=0
		while :; do
			now=$(mces)
			[ "${now:-0}" = "$seen" ] || result "MCE-ACK ${now:-0}"
			seen=${now:-0}
			sleep 0.02
		done
	) &
	watcher=$!
fi
step() { # step LABEL COMMAND...: run, keep its output, report its status
	label=$1
	shift
	"$@" >/tmp/out 2>&1
	rc=$?
	result "STORM-RC $label $rc"
	[ $rc = 0 ] || { status=1; tail -5 /tmp/out; }
	return $rc
}
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	step "insmod $ko" insmod $ko direct_syscalls=1 || exit 1
	echo > /sys/kernel/tracing/trace
	echo 1 > $events/enable || { result "STORM-RC trace-event $ko 1"; exit 1; }
	step "fault-guest $ko" /lguest/launcher /lguest/guests/user_fault_notpresent.elf
	grep -E '^(SUMMARY|LGUEST-COUNTERS)' /tmp/out |
		while read -r line; do result "STORM $ko $line"; done
	step "hcall $ko" /lguest/launcher -c 'reps=3 warmup=0 ops=5000' \
		/lguest/guests/bench_null_hypercall.elf
	if [ "${STORM:-}" != world-switch ]; then
		step "syscalls $ko" /lguest/launcher /lguest/guests/syscall_direct.elf
		step "bench $ko" /lguest/launcher -c 'reps=3 warmup=0 ops=1000' \
			/lguest/guests/bench_user_fault_notpresent.elf
		grep -E '^LGUEST-COUNTERS' /tmp/out |
			while read -r line; do result "STORM-BENCH $ko $line"; done
	fi
	# The exitless build's own paths: its fills and its copy-on-write
	# SET_PTEs, with NMIs landing in its window on the host's cr3.
	if [ $ko = /lguest/exitless/lg.ko ] && [ "${STORM:-}" != world-switch ]; then
		for b in present cow; do
			step "bench-$b $ko" /lguest/launcher -c 'reps=3 warmup=0 ops=1000' \
				/lguest/guests/bench_user_fault_$b.elf
			grep -E '^LGUEST-COUNTERS' /tmp/out |
				while read -r line; do result "STORM-EX-$b $line"; done
		done
	fi
	# The module's events leave the trace buffer with the module.
	echo 0 > $events/enable
	sed -n 's/.* lguest_switcher_nmi: offset=//p' /sys/kernel/tracing/trace >/tmp/nmi
	result "SWITCHER-NMIS $ko hits=$(wc -l </tmp/nmi) at=$(sort -u /tmp/nmi | tr "\n" , | sed "s/,$//")"
	step "rmmod $ko" rmmod lg
done
[ -z "${watcher:-}" ] || kill "$watcher"
result "NMIS $(grep NMI: /proc/interrupts | tr -s ' ' | cut -d' ' -f2)"
result "MCES $(mces)"
exit $status
