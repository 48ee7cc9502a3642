#!/bin/bash
# Direct system calls in the Linux guest (guest patch 0030, lg.ko's
# direct_syscalls): under each build of lg.ko, with the knob off every
# int $0x80 of lat_syscall_null is an exit (exits_syscall_per_op 1), with
# it on none is (0), and it costs two world switches fewer an operation
# (what is left is the timer's); mm_stress's forks, execs
# and remaps stay right either way.  The guest must print no oops, BUG or
# WARNING, the host log stay clean, lg.ko unload.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 1500 -f "$TOP/tests/vm/jobs/linux-guest/syscalls.sh:/job/syscalls.sh" \
	"$TOP/tests/vm/jobs/linux-guest-syscalls.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
check "the guest stopped with status 0, every build, the knob off and on" \
	[ "$(count '^LINUX-GUEST [a-z]+ [01] launcher status 0$' "$SCRATCH/log")" = 6 ]
check "mm_stress found no wrong byte, every build, the knob off and on" \
	[ "$(count ': mm_stress: 50 rounds, 0 errors$' "$SCRATCH/log")" = 6 ]
check "lg.ko unloaded after every run" \
	[ "$(count '^LINUX-GUEST rmmod ok$' "$SCRATCH/log")" = 6 ]
# metric BUILD KNOB METRIC: lat_syscall_null's values in that run, one a line.
metric() {
	sed -n "s/^GUEST $1 $2: BENCH,lat_syscall_null,$3,[a-z]*,[0-9]*,//p" "$SCRATCH/log"
}
# all VALUES... LOW HIGH: two repetitions, each in [LOW, HIGH).
all_in() {
	local lo=$2 hi=$3
	[ "$(echo "$1" | wc -w)" = 2 ] &&
		echo "$1" | awk -v lo="$lo" -v hi="$hi" '$1 < lo || $1 >= hi { bad = 1 } END { exit bad }'
}
for b in baseline fastpath exitless; do
	check "$b, knob off: every system call exits ($(metric $b 0 exits_syscall_per_op | paste -sd' '))" \
		all_in "$(metric $b 0 exits_syscall_per_op)" 1 1.01
	check "$b, knob on: no system call exits ($(metric $b 1 exits_syscall_per_op | paste -sd' '))" \
		all_in "$(metric $b 1 exits_syscall_per_op)" 0 0.0001
	off=$(metric $b 0 world_switches_per_op | sort -n | head -n 1)
	check "$b, knob on: two world switches fewer an operation ($(metric $b 1 world_switches_per_op | paste -sd' ') against ${off:-none})" \
		all_in "$(metric $b 1 world_switches_per_op)" 0 "$(awk -v o="${off:-0}" 'BEGIN { print o - 1.9 }')"
done
refute "the guest printed no oops, BUG or WARNING" \
	grep -qE '^GUEST .*(Oops|BUG:|WARNING:|Call Trace)' "$SCRATCH/log"
check_host_log_clean
[ "$failures" = 0 ] || {
	grep -E '^(LINUX-GUEST|GUEST .*(BENCH,lat_syscall_null|mm_stress|lguest|launcher))' "$SCRATCH/log" | head -60
	tail -20 "$SCRATCH/log"
}
finish
