#!/bin/bash
# A guest running on one host CPU gets an interrupt raised on another at
# once, under every build: the host kicks its CPU with a reschedule IPI
# (vector 253) instead of leaving the interrupt for that CPU's next host
# interrupt (the timer's, vector 236).  Judged by count, not by time:
# the deliveries that followed the kick's exit (jobs/irq-kick.sh reads
# the host's trace), against all of them.  An interrupt raised while the
# guest's CPU is in the host anyway (for a tick, say) needs no kick and
# follows that exit, so most, not all, must follow the kick; before the
# kick, none did (all 20 followed a tick).
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -s 2 -t 600 "$TOP/tests/vm/jobs/irq-kick.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	check "$ko: the guest spun through its 20 rounds" grep -q "^KICK-RC $ko 0$" "$SCRATCH/log"
	all=$(count "^KICK-DELIVERY $ko " "$SCRATCH/log")
	kicked=$(count "^KICK-DELIVERY $ko 253$" "$SCRATCH/log")
	echo "$ko: $kicked of $all deliveries followed the kick"
	check "$ko: at least 20 deliveries traced ($all)" [ "$all" -ge 20 ]
	check "$ko: most followed the kick ($kicked of $all)" [ $((2 * kicked)) -gt "$all" ]
done
check_host_log_clean
[ "$failures" = 0 ] || { grep -aE '^(KICK|FAIL|irq_kick)' "$SCRATCH/log" | sort | uniq -c | head -40; tail -20 "$SCRATCH/log"; }
finish
