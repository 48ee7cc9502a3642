#!/bin/bash
# scripts/kvm-bench.sh -f on a machine where KVM cannot run the kernel
# (LGUEST_ACCEL=tcg stands in for the probe): it runs the VM tests asked
# for, then the matrix, under TCG, and writes one results folder that says
# so (accel, CPU model, host CPU) and holds the tests' log.  The smallest
# run that shows it: one quick VM test, one boot of the native suite.
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
finish
