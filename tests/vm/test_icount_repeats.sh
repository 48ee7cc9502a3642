#!/bin/bash
# On the instruction clock (vm-run.sh -T icount) a boot repeats to the
# instruction: the same job, packed at two different moments, boots twice
# to the same console, kernel timestamps and random numbers included, and
# to the same log of every exception and interrupt the CPU took, each at
# the same instruction.  Nothing of the host's may leak in: not today's
# date through the RTC (the kernel mixes it into its random pool), not the
# moment the job was packed (its archive's dates are digits the kernel
# parses), or the timer interrupts land elsewhere, the random pool differs
# and, with it, every address the kernel randomizes
# (scripts/repeatability.sh's two matrix runs depend on this).
. "$(dirname "$0")/../lib.sh"
scratch
cat >"$SCRATCH/job.sh" <<'EOF'
insmod /lguest/lg.ko || exit 1
/lguest/launcher -c "reps=2 warmup=1 ops=300" /lguest/guests/bench_null_hypercall.elf || exit 1
rmmod lg || exit 1
echo "random: $(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "date: $(date -u +%s)"
grep -E 'timer|LOC' /proc/interrupts
EOF
for run in a b; do
	# The second run's job is packed a day later, as another run's would be.
	[ "$run" = a ] || touch -d @$(($(date +%s) - 86400)) "$SCRATCH/job.sh"
	vm_job -T icount -t 900 -L "$SCRATCH/int-$run.log" "$SCRATCH/job.sh"
	check "run $run: the job ran to its end (status $VM_RC)" [ "$VM_RC" = 0 ]
	check_host_log_clean
	mv "$SCRATCH/log" "$SCRATCH/console-$run"
done
check "both runs read random numbers" grep -q '^random: [0-9a-f]\{32\}$' "$SCRATCH/console-a"
check "the consoles are identical, timestamps and random numbers included" \
	cmp "$SCRATCH/console-a" "$SCRATCH/console-b"
check "QEMU's logs of every exception and interrupt are identical" \
	cmp "$SCRATCH/int-a.log" "$SCRATCH/int-b.log"
[ "$failures" = 0 ] || diff "$SCRATCH/console-a" "$SCRATCH/console-b" | head -20
finish
