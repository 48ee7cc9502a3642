#!/bin/bash
# scripts/kvm-bench.sh -f on a machine where KVM cannot run the kernel
# (LGUEST_ACCEL=tcg stands in for the probe): it runs the VM tests asked
# for, then the matrix, under TCG, and writes one results folder that says
# so (accel, CPU model, host CPU) and holds the tests' log; a failing test
# stops it before the matrix.  The smallest run that shows it: one quick
# VM test, one boot of the native suite.
. "$(dirname "$0")/../lib.sh"
. "$TOP/scripts/common.sh"
scratch
rc=0
LGUEST_ACCEL=tcg "$TOP/scripts/kvm-bench.sh" -f -t test_dev_lguest -o "$SCRATCH" \
	-- -c native -p quick -b 1 -r 1 -w 0 >"$SCRATCH/out" 2>&1 || rc=$?
check "the run succeeded (status $rc)" [ "$rc" = 0 ]
check "it said it fell back to TCG" grep -q "falling back to TCG" "$SCRATCH/out"
dirs=("$SCRATCH"/*/)
check "one results folder" [ ${#dirs[@]} = 1 -a -f "${dirs[0]}meta.json" ]
dir=${dirs[0]}
meta() { # meta KEY: its value in meta.json
	sed -n "s/^  \"$1\": \"\(.*\)\",\{0,1\}$/\1/p" "$dir/meta.json"
}
check "meta.json: accel tcg ($(meta accel))" [ "$(meta accel)" = tcg ]
check "meta.json: the TCG CPU model ($(meta cpu_model))" [ "$(meta cpu_model)" = "$(qemu_cpu tcg)" ]
host=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
check "meta.json: the host's CPU ($(meta host_cpu))" [ "$(meta host_cpu)" = "$host" ]
check "meta.json: the tests' outcome ($(meta tests))" [ "$(meta tests)" = "1 passed, 0 failed" ]
check "the tests' log is kept" grep -q "^PASS tests/vm/test_dev_lguest.sh" "$dir/tests.log"
check "the matrix's figures are there" grep -q "^native,lat_syscall_null,ns_per_op," "$dir/summary.csv"
[ "$failures" = 0 ] || { tail -30 "$SCRATCH/out"; cat "$dir/meta.json"; }

# A test that fails (here every VM: QEMU knows no such CPU) stops it before
# the matrix, naming the tests' log, and leaves no results folder.
rc=0
QEMU_CPU=no-such-cpu LGUEST_ACCEL=tcg "$TOP/scripts/kvm-bench.sh" -f -t test_dev_lguest \
	-o "$SCRATCH/failing" -- -c native -p quick -b 1 -r 1 -w 0 >"$SCRATCH/out" 2>&1 || rc=$?
check "a failing test: stopped (status $rc)" [ "$rc" = 1 ]
check "a failing test: said so" grep -q "tests failed under tcg: no matrix on a host that fails them" "$SCRATCH/out"
log=$(sed -n 's/.*(the log: \(.*\))$/\1/p' "$SCRATCH/out")
check "a failing test: the log it named holds the failure" grep -q "^FAIL tests/vm/test_dev_lguest.sh" "$log"
check "a failing test: no results folder" [ -z "$(ls -A "$SCRATCH/failing" 2>/dev/null)" ]
rm -f "$log"
[ "$failures" = 0 ] || tail -30 "$SCRATCH/out"
finish
