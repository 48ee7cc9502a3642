# Checks of the NMI storm (jobs/nmi-storm.sh), whatever QEMU's mode:
# sourced by test_nmi_storm.sh and test_nmi_storm_singlestep.sh, and used
# after their vm_job.

# The job's results are kernel messages, whole from their text to the end
# of the line, but not necessarily at its start (jobs/nmi-storm.sh says why):
# each pattern is anchored at the end, or at a value inside the message.

# What every pass must show: the job's status, the fault guest and the
# null-hypercall guest passed under every build, the host's log clean.
check_storm_guests() {
	check "the guests passed and lg.ko unloaded, every build (status $VM_RC)" [ "$VM_RC" = 0 ]
	check "every build's fault guest passed" \
		[ "$(grep -c 'STORM .* SUMMARY: [1-9][0-9]* passed, 0 failed$' "$SCRATCH/log")" = 3 ]
	check "every build's null-hypercall guest passed" \
		[ "$(grep -c 'STORM-RC hcall /lguest/.*lg.ko 0$' "$SCRATCH/log")" = 3 ]
	check_host_log_clean
}

# The full job's (not STORM=world-switch): the direct system calls' guest
# passed under every build.
check_storm_syscalls() {
	check "every build's direct system calls' guest passed" \
		[ "$(grep -c 'STORM-RC syscalls /lguest/.*lg.ko 0$' "$SCRATCH/log")" = 3 ]
}

# The places NMIs hit inside the world switch (switch_to_guest up to
# switcher_fault: entering the guest and leaving it), one offset a line,
# from the job's SWITCHER-NMIS lines and each build's own switcher_32.o.
# The world switch is the same code in every build, so the offsets of all
# three can be counted together.
world_switch_places() {
	local build ko obj from to
	for build in baseline fastpath exitless; do
		ko=/lguest/$build/lg.ko
		[ $build != baseline ] || ko=/lguest/lg.ko
		obj=$BUILD/module/$build/src/switcher_32.o
		from=$(nm "$obj" | awk '$3 == "switch_to_guest" { print $1 }')
		to=$(nm "$obj" | awk '$3 == "switcher_fault" { print $1 }')
		sed -n "s|.*SWITCHER-NMIS $ko hits=[0-9]* at=\([0-9a-fx,]*\)$|\1|p" "$SCRATCH/log" |
			tr , '\n' | while read -r at; do
				[ -n "$at" ] || continue
				[ $((at)) -lt $((0x$from)) ] || [ $((at)) -ge $((0x$to)) ] ||
					echo "$at"
			done
	done
}

# Print, for whoever reads a failing test's output, what the storm did.
show_storm() {
	grep -aE 'STORM|NMIS|launcher:|FAIL' "$SCRATCH/log" | cut -c1-200
	tail -20 "$SCRATCH/log"
	cat "$SCRATCH/err"
}
