#!/bin/bash
# What a launcher cannot do to the host through /dev/lguest, under every
# build (tests/abi, run by jobs/launcher-abi.sh), on a host with slab
# poisoning (slub_debug=FZPU) so that a write to freed memory shows:
#  - task_lifetime: make the host wake a task that is gone, by letting the
#    guest's timer or LGUEST_IOC_IRQ outlive the task that ran the guest;
#  - irq_thread: have an I/O thread's LGUEST_IOC_IRQ stuck behind its own
#    halted RUN;
#  - memlock: pin more than RLIMIT_MEMLOCK, or keep the charge after the
#    guest is gone; nor is a file stuck after an INIT that failed;
#  - dr6_after_guest: leave a guest's single-step in DR6 for the host's
#    next #DB to take for its own (a stray SIGTRAP to the launcher);
#  - watch_during_guest: have the host's watchpoints in %dr0-%dr3 taken
#    for the Switcher's own registers (lg.ko writes them only when they
#    differ): a bad cr3 home, or an NMI the host cannot explain.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 600 -a 'slub_debug=FZPU' "$TOP/tests/vm/jobs/launcher-abi.sh"
check "every program passed under every build (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
for t in dr6_after_guest irq_thread memlock task_lifetime watch_during_guest; do
	check "$t passed under every build" \
		[ "$(grep -c "^ABI-RC $t .* 0\$" "$SCRATCH/log")" = 3 ]
done
check "the host lived to the end" grep -q '^HOST-ALIVE$' "$SCRATCH/log"
check_host_log_clean
refute "no NMI the host could not explain" grep -q 'NMI received for unknown reason' "$SCRATCH/log"
refute "no slab object written after it was freed" \
	grep -qE 'Poison overwritten|BUG [^ ]+ \(' "$SCRATCH/log"
[ "$failures" = 0 ] || {
	grep -aE '^(ABI-RC|FAIL|[a-z_]+: [0-9]+ checks)' "$SCRATCH/log" | cut -c1-200
	tail -30 "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
