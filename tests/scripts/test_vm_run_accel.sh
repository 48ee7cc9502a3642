#!/bin/bash
# The VM runner refuses, before booting anything, what the accelerator the
# probe chose cannot do: QEMU's -singlestep (-S), its plugins (-p) and its
# -d int log (-L) are TCG's, and the host's own CPU (QEMU_CPU=host) is
# KVM's.  LGUEST_ACCEL stands in for the probe.
. "$(dirname "$0")/../lib.sh"
scratch
run=$TOP/scripts/vm-run.sh
msg=$(LGUEST_ACCEL=kvm "$run" -q -t 60 -S -c true 2>&1) && rc=0 || rc=$?
check "-S under KVM: a usage error (status $rc)" [ "$rc" = 2 ]
check "-S under KVM: says it needs TCG" grep -q -- "-S is QEMU's -singlestep, which needs TCG, and the probe chose kvm" <<<"$msg"
msg=$(QEMU_CPU=host LGUEST_ACCEL=tcg "$run" -q -t 60 -c true 2>&1) && rc=0 || rc=$?
check "QEMU_CPU=host under TCG: a usage error (status $rc)" [ "$rc" = 2 ]
check "QEMU_CPU=host under TCG: says it needs KVM" grep -q "QEMU_CPU=host (the host's CPU) needs KVM, and the probe chose tcg" <<<"$msg"
check "neither started QEMU" [ -z "$(grep -i "accel=" <<<"$msg")" ]
msg=$(LGUEST_ACCEL=kvm "$run" -q -t 60 -p out=/dev/null -c true 2>&1) && rc=0 || rc=$?
check "-p under KVM: a usage error (status $rc)" [ "$rc" = 2 ]
check "-p under KVM: says it needs TCG" grep -q -- "-p loads a TCG plugin, and the probe chose kvm" <<<"$msg"
check "-p under KVM: QEMU never started" [ -z "$(grep -i "accel=" <<<"$msg")" ]
msg=$(LGUEST_ACCEL=kvm "$run" -q -t 60 -L "$SCRATCH/int.log" -c true 2>&1) && rc=0 || rc=$?
check "-L under KVM: a usage error (status $rc)" [ "$rc" = 2 ]
check "-L under KVM: says it needs TCG" grep -q -- "-L is QEMU's -d int, which needs TCG, and the probe chose kvm" <<<"$msg"
check "-L under KVM: QEMU never started" [ -z "$(grep -i "accel=" <<<"$msg")" ]
finish
