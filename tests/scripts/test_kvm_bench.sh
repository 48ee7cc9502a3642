#!/bin/bash
# scripts/kvm-bench.sh decides before booting anything: it refuses, saying
# why and what to do, when KVM cannot run the project's kernel (unless -f
# falls back to TCG) or when asked for the host's CPU without KVM; and its
# plan (-n) under KVM gives the VMs only the features the host CPU has.  LGUEST_ACCEL stands in for the
# probe, so the test means the same on any machine.
. "$(dirname "$0")/../lib.sh"
. "$TOP/scripts/common.sh"
scratch
kb=$TOP/scripts/kvm-bench.sh
# run ENV...: kvm-bench.sh with these variables; its status in rc, its
# stdout and stderr in out.
run() {
	rc=0
	out=$(env "$@" 2>&1) || rc=$?
}
has() { # has TEXT: the last run printed it
	grep -qF -- "$1" <<<"$out"
}

run LGUEST_ACCEL=tcg "$kb" -o "$SCRATCH"
check "without KVM: refused (status $rc)" [ "$rc" = 1 ]
check "without KVM: says KVM cannot run the kernel" has "KVM cannot run this project's 32-bit kernel here"
check "without KVM: gives the probe's reason" has "accelerator forced by LGUEST_ACCEL"
check "without KVM: says what KVM needs" has "KVM needs /dev/kvm, readable and writable by you"
check "without KVM: offers the TCG fallback" has "To run everything
  under TCG instead, add -f"
run LGUEST_ACCEL=tcg "$kb" -f -H -o "$SCRATCH"
check "-H without KVM: refused (status $rc)" [ "$rc" = 1 ]
check "-H without KVM: says why" has "-H gives the VMs the host's CPU (QEMU -cpu host), which needs KVM"
run LGUEST_ACCEL=tcg QEMU_CPU=host "$kb" -f -o "$SCRATCH"
check "QEMU_CPU=host without KVM: refused (status $rc)" [ "$rc" = 1 ]
check "QEMU_CPU=host without KVM: says why" has "QEMU_CPU=host (the host's CPU) needs KVM"
run LGUEST_ACCEL=kvm "$kb" -n -t no-such-test -o "$SCRATCH"
check "a pattern that matches no test: refused (status $rc)" [ "$rc" = 1 ]
check "a pattern that matches no test: says so" has "no VM test matches no-such-test under kvm"
run LGUEST_ACCEL=kvm "$kb" -Z
check "an unknown option: a usage error (status $rc)" [ "$rc" = 2 ]
check "nothing written" [ -z "$(ls -A "$SCRATCH")" ]

# The plans.
run LGUEST_ACCEL=kvm "$kb" -n -o "$SCRATCH" -- -b 1 -r 3
check "KVM plan: printed (status $rc)" [ "$rc" = 0 ]
check "KVM plan: on KVM" has "accel: kvm"
check "KVM plan: qemu32 with the host's features ($(qemu_cpu kvm))" has "cpu: $(qemu_cpu kvm)"
check "KVM plan: the NMI storm" grep -q "^tests: .*tests/vm/test_nmi_storm.sh" <<<"$out"
check "KVM plan: the matrix with the options given" has "scripts/run-matrix.sh -o $SCRATCH -l TESTS_LOG -b 1 -r 3"
run LGUEST_ACCEL=kvm "$kb" -n -H
check "KVM plan with -H: the host's CPU" has "cpu: host"
run LGUEST_ACCEL=tcg "$kb" -n -f -t nmi_storm
check "fallback plan: printed (status $rc)" [ "$rc" = 0 ]
check "fallback plan: says it falls back" has "falling back to TCG (-f): the times will be the emulator's, not this hardware's"
check "fallback plan: on TCG, with every feature" has "cpu: $(qemu_cpu tcg)"
check "fallback plan: the storm" has "tests: tests/vm/test_nmi_storm.sh"
check "still nothing written" [ -z "$(ls -A "$SCRATCH")" ]
finish
