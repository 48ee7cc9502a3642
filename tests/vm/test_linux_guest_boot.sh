#!/bin/bash
# Linux 6.1 as an lguest guest, to user space (docs/linux-guest.md): under
# each build of lg.ko (baseline, fastpath, exitless) the guest kernel boots to its
# /init from an initramfs, runs a busybox job through hvc0, and stops with
# the job's status, which the launcher exits with.  A warning the kernel
# logs during the job stays off the console, where it could split the
# job's lines, and init reports it once the job has ended.  The guest must print
# no oops, BUG, WARNING or panic; killing the launcher mid-boot must leave
# the host clean; the host must log no oops, BUG or WARNING, and lg.ko must
# unload.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 900 -f "$TOP/tests/vm/jobs/linux-guest/hello.sh:/job/hello.sh" \
	"$TOP/tests/vm/jobs/linux-guest-boot.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
grep '^GUEST: ' "$SCRATCH/log" | sed 's/^GUEST: //' >"$SCRATCH/guest"
grep -v '^GUEST: ' "$SCRATCH/log" >"$SCRATCH/host"
check "the guest printed the Linux banner, every build" \
	[ "$(count 'Linux version 6\.1\.' "$SCRATCH/guest")" = 3 ]
check "the guest's console moved to hvc0, every build" \
	[ "$(count 'printk: console \[hvc0\] enabled' "$SCRATCH/guest")" -ge 3 ]
check "the guest ran /init from its initramfs, every build" \
	[ "$(count 'Run /init as init process' "$SCRATCH/guest")" = 3 ]
check "busybox ran in the guest, every build" \
	[ "$(count '^hello from busybox in the guest$' "$SCRATCH/guest")" = 3 ]
check "the guest sees one CPU, every build" \
	[ "$(count '^guest cpus 1$' "$SCRATCH/guest")" = 3 ]
check "the guest reads the host's counters, every build" \
	[ "$(count '^counters file [1-9][0-9]* bytes$' "$SCRATCH/guest")" = 3 ]
check "the guest's init reported the job's status, every build" \
	[ "$(count '^init: job exited with status 7$' "$SCRATCH/guest")" = 3 ]
check "init reported the kernel's warning after the job, every build" \
	[ "$(count '^init: kernel: lguest-m012: a warning logged during the job$' "$SCRATCH/guest")" = 3 ]
check "the warning did not reach the console while the job ran" \
	[ "$(count 'lguest-m012: a warning logged during the job' "$SCRATCH/guest")" = 3 ]
check "the launcher exited with the job's status, every build" \
	[ "$(count '^LINUX-GUEST launcher status 7$' "$SCRATCH/log")" = 3 ]
refute "the guest printed no oops, BUG, WARNING or panic" \
	grep -qE 'Oops|BUG:|WARNING:|Kernel panic|Call Trace|MSR access error' "$SCRATCH/guest"
check "the launcher was killed mid-boot, every build" \
	[ "$(count '^LINUX-GUEST killed mid-boot' "$SCRATCH/log")" = 3 ]
refute "the host kernel log is free of oops/BUG/WARNING" \
	grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/host"
check "lg.ko unloaded after the guest, every build" \
	[ "$(count '^LINUX-GUEST rmmod ok' "$SCRATCH/log")" = 3 ]
[ "$failures" = 0 ] || {
	tail -40 "$SCRATCH/guest"
	grep '^LINUX-GUEST' "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
