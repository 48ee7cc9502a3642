#!/bin/bash
# The Linux guest on QEMU's models of real CPUs (docs/linux-guest.md, "CPU
# identification on real CPUs"): CPUID runs natively in the guest, so its
# Linux identifies the model's CPU, Intel's or AMD's, and must then keep
# away from what ring 1 cannot touch: MSRs, and the interfaces of the
# hypervisor below the host.  For each model, a host VM on that CPU boots
# the Linux guest on the quick benchmark suite under the baseline lg.ko.
# The guest must say it runs on that CPU, finish the suite, print no
# "unchecked MSR access", WARNING, BUG or Call Trace, and its kernel must
# log nothing at warning level or above but the two lines every lguest
# guest logs, under qemu32 too, which are true: its kernel is not built
# for PAE (so no L1TF mitigation), and it has no PMU; and, on the models
# whose TSC is not invariant (n270, Opteron_G3), one line that reports the
# machine, not the guest: the clocksource watchdog's own timer ran more
# than a second late ("Long readout interval, skipping watchdog check"),
# which happens when the host VM's CPU is starved (seen at a load of 9 on
# 2 cores), and the kernel then skips the check rather than judging the
# TSC.  A skew the watchdog does judge ("Marking clocksource ... as
# unstable") still fails the test.  The host's log must
# be clean and lg.ko must unload.  Features TCG cannot emulate only make
# QEMU print warnings on its own stderr.
. "$(dirname "$0")/../lib.sh"
# MODEL:WHAT-THE-GUEST-CALLS-IT: Intel's Core 2, Nehalem, Skylake and
# first Atom, AMD's K10 and Zen.
models="Conroe-v1:Conroe Nehalem-v2:Nehalem Skylake-Client-v1:Skylake
	n270-v1:Atom Opteron_G3-v1:Opteron EPYC-v2:EPYC"
known_warnings='L1TF: Kernel not compiled for PAE\. No mitigation for L1TF$|PMU not available due to virtualization, using software events only\.$|clocksource: Long readout interval, skipping watchdog check: '
scratch
"$TOP/scripts/suite.sh" jobs lguest-baseline quick 1 0 |
	sed -n '/^cat >\/tmp\/linux-guest-suite.sh/,/^LINUX_GUEST_SUITE$/p' >"$SCRATCH/suite-writer.sh"
check "scripts/suite.sh has a Linux-guest job" grep -q '^page_fault1 ' "$SCRATCH/suite-writer.sh"
for pair in $models; do
	model=${pair%%:*} name=${pair#*:} failed_before=$failures
	vm_job -C "$model" -t 900 -f "$SCRATCH/suite-writer.sh:/job/suite-writer.sh" \
		"$TOP/tests/vm/jobs/linux-guest-cpu-model.sh"
	grep '^GUEST: ' "$SCRATCH/log" | sed 's/^GUEST: //' >"$SCRATCH/guest"
	grep -v '^GUEST: ' "$SCRATCH/log" >"$SCRATCH/host"
	check "$model: the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
	check "$model: the VM ran on that CPU" grep -q "cpu=$model " "$SCRATCH/err"
	check "$model: the guest identified its CPU as $name" grep -qE "\] CPU: .*$name" "$SCRATCH/guest"
	check "$model: the guest ran the suite to its end" grep -q '^BENCH,lat_syscall_null,' "$SCRATCH/guest"
	check "$model: the guest's job passed" grep -qx 'LINUX-GUEST suite status 0' "$SCRATCH/log"
	refute "$model: the guest printed no MSR warning, WARNING, BUG or Call Trace" \
		grep -E 'unchecked MSR access|WARNING:|BUG|Call Trace|BENCH-FAILED' "$SCRATCH/guest"
	refute "$model: the guest's kernel logged no other warning" \
		grep -vE "$known_warnings" <(sed -n 's/^KLOG-WARN //p' "$SCRATCH/guest")
	check "$model: the guest's kernel log was read" grep -qx 'KLOG-READ' "$SCRATCH/guest"
	refute "$model: the host kernel log is free of oops/BUG/WARNING" \
		grep -E 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/host"
	check "$model: lg.ko unloaded after the guest" grep -qx 'LINUX-GUEST rmmod ok' "$SCRATCH/log"
	[ "$failures" = "$failed_before" ] || {
		grep -E -A3 'unchecked MSR access|WARNING:|BUG|Call Trace|BENCH-FAILED|^KLOG-WARN' "$SCRATCH/guest" | head -20
		tail -5 "$SCRATCH/guest"
		cat "$SCRATCH/err"
	}
done
finish
