#!/bin/bash
# The workload, reduced (issue 22): on the VM's own kernel and inside the
# Linux guest under each build of lg.ko (baseline, fastpath, exitless),
# Debian's toolchain configures busybox's tree and compiles two of its
# objects (make also compiles the applet table's, which they need).  Every
# build must finish with the native build's objects, byte for byte: the
# build is reproducible, so a difference is the guest computing something
# else under that build of the host.  The hosts must log no oops, BUG or
# WARNING.
. "$(dirname "$0")/../lib.sh"
scratch
targets="libbb/xfuncs.o coreutils/true.o"
for config in native lguest-baseline lguest-fastpath lguest-exitless; do
	rc=0
	"$TOP/scripts/run-workload.sh" -l "$SCRATCH/$config.log" "$config" $targets \
		>"$SCRATCH/$config.out" 2>"$SCRATCH/$config.err" || rc=$?
	check "$config: the reduced build ran to its end (status $rc)" [ "$rc" = 0 ]
	check "$config: make compiled three objects" \
		grep -qx 'WORKLOAD-OBJECTS compiled=3' "$SCRATCH/$config.out"
	for obj in $targets; do
		check "$config: $obj was built" grep -q " \./$obj\$" "$SCRATCH/$config.out"
	done
	grep '^WORKLOAD-HASH ' "$SCRATCH/$config.out" >"$SCRATCH/$config.hashes" || true
	refute "$config: the host kernel log is free of oops/BUG/WARNING" \
		grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/$config.log"
	[ "$rc" = 0 ] || tail -20 "$SCRATCH/$config.err"
done
check "native: the build's objects were hashed" [ -s "$SCRATCH/native.hashes" ]
for config in lguest-baseline lguest-fastpath lguest-exitless; do
	check "$config: the same objects, byte for byte, as native" \
		cmp -s "$SCRATCH/native.hashes" "$SCRATCH/$config.hashes"
done
finish
