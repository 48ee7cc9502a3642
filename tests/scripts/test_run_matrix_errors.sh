#!/bin/bash
# The matrix runner refuses bad input with a message and a non-zero status,
# before booting anything, and leaves no results folder behind.
. "$(dirname "$0")/../lib.sh"
scratch
m=$TOP/scripts/run-matrix.sh
expect_status 1 "unknown configuration" "$m" -o "$SCRATCH" -c native,bogus
expect_status 1 "zero boots" "$m" -o "$SCRATCH" -b 0
expect_status 1 "non-numeric repetitions" "$m" -o "$SCRATCH" -r five
expect_status 1 "non-numeric path-length repetitions" "$m" -o "$SCRATCH" -i some
expect_status 1 "unknown profile" "$m" -o "$SCRATCH" -p medium
expect_status 1 "unknown PTE policy" "$m" -o "$SCRATCH" -P eager
expect_status 2 "unknown option" "$m" -o "$SCRATCH" -Z
expect_status 1 "a missing tests log" "$m" -o "$SCRATCH" -l "$SCRATCH/no-such-log"
LGUEST_ACCEL=kvm expect_status 1 "icount under KVM" "$m" -o "$SCRATCH" -T icount
check "nothing written" [ -z "$(ls -A "$SCRATCH")" ]
msg=$("$m" -o "$SCRATCH" -c bogus 2>&1 || true)
check "the bad configuration is named" grep -q "unknown configuration 'bogus'" <<<"$msg"
msg=$(LGUEST_ACCEL=kvm "$m" -o "$SCRATCH" -T icount 2>&1 || true)
check "icount under KVM: says it needs TCG" grep -q -- "-T icount needs TCG, and the probe chose kvm" <<<"$msg"
check "still nothing written" [ -z "$(ls -A "$SCRATCH")" ]
# A cache without the native-guest kernel: refused before any boot.
mkdir "$SCRATCH/out"
msg=$(LGUEST_CACHE=$SCRATCH/empty-cache "$m" -o "$SCRATCH/out" -c native,native-guest 2>&1) &&
	fail "native-guest without its kernel: accepted"
check "native-guest without its kernel: says how to build it" \
	grep -q "bzImage missing: run 'make native-guest-kernel'" <<<"$msg"
check "native-guest without its kernel: nothing written" [ -z "$(ls -A "$SCRATCH/out")" ]
finish
