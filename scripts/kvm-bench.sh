#!/bin/bash
# One command for a machine with KVM: probe it, run the VM tests that make
# sense under KVM, then the benchmark matrix, into one results folder that
# compares with the ones made under TCG (meta.json says which accelerator,
# which CPU model, which host CPU).
#
# usage: kvm-bench.sh [-f] [-H] [-n] [-t PATTERN]... [-o RESULTS_ROOT]
#                     [-- MATRIX-ARGS...]
#   -f  fall back to TCG when KVM cannot run the project's 32-bit kernel;
#       without it, the command refuses and says why
#   -H  give the VMs the host's own CPU (QEMU -cpu host, KVM only) instead
#       of qemu32 with those of lguest's features the host CPU has
#   -n  print the plan (accelerator, CPU model, tests, matrix) and stop
#   -t  run only the VM tests whose path contains PATTERN (repeatable)
#   -o  where the results folder goes (default: results/ in the project)
#   MATRIX-ARGS  more options for scripts/run-matrix.sh, e.g. -b 1 -r 3
#
# The tests are tests/vm's, but under KVM not those whose header says
# "# TCG only:" (they need QEMU's emulator, e.g. -singlestep).  A failed
# test stops the command before the matrix, its log kept: numbers measured
# on a host that fails the tests would mean nothing.  The results folder
# holds the tests' log as tests.log.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

usage() {
	sed -n '7,17s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

fallback= host_cpu= plan_only= root=$TOP/results
patterns=()
while getopts 'fHnt:o:h' opt; do
	case $opt in
	f) fallback=1 ;;
	H) host_cpu=1 ;;
	n) plan_only=1 ;;
	t) patterns+=("$OPTARG") ;;
	o) root=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
matrix_args=("$@")

# What the probe says, and why.
why=$(mktemp)
trap 'rm -f "$why"' EXIT
accel=$("$TOP/scripts/probe-accel.sh" 2>"$why") || { cat "$why" >&2; die "the accelerator probe failed"; }
reason=$(tail -1 "$why")
if [ "$accel" != kvm ]; then
	[ -n "$fallback" ] || die "KVM cannot run this project's 32-bit kernel here
  ($reason).
  KVM needs /dev/kvm, readable and writable by you (modprobe kvm_intel or
  kvm_amd; virtualization on in the firmware; the kvm group), on bare metal
  or under a hypervisor whose nested KVM runs 32-bit paging guests.
  LGUEST_ACCEL=kvm skips the probe, if you know better.  To run everything
  under TCG instead, add -f: the times are then QEMU's emulator's, not
  your hardware's."
	say "KVM cannot run this project's 32-bit kernel here ($reason)"
	say "falling back to TCG (-f): the times will be the emulator's, not this hardware's"
fi
if [ -n "$host_cpu" ]; then
	[ "$accel" = kvm ] || die "-H gives the VMs the host's CPU (QEMU -cpu host), which needs KVM"
	export QEMU_CPU=host
fi
cpu=$(qemu_cpu "$accel")
[ "$cpu" != host ] || [ "$accel" = kvm ] || die "QEMU_CPU=host (the host's CPU) needs KVM"

# The VM tests that make sense on this accelerator, as tests/run.sh names them.
tests=()
for t in "$TOP"/tests/vm/test_*.sh; do
	name=${t#"$TOP"/}
	if [ "$accel" = kvm ] && grep -q '^# TCG only:' "$t"; then
		continue
	fi
	if [ ${#patterns[@]} -gt 0 ]; then
		wanted=
		for p in "${patterns[@]}"; do
			case $name in *"$p"*) wanted=1 ;; esac
		done
		[ -n "$wanted" ] || continue
	fi
	tests+=("$name")
done
[ ${#tests[@]} -gt 0 ] || die "no VM test matches ${patterns[*]} under $accel"

if [ -n "$plan_only" ]; then
	echo "accel: $accel ($reason)"
	echo "cpu: $cpu"
	echo "host cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
	echo "tests: ${tests[*]}"
	echo "matrix: scripts/run-matrix.sh -o $root -l TESTS_LOG${matrix_args[*]:+ ${matrix_args[*]}}"
	exit 0
fi

say "accel=$accel cpu=$cpu: running ${#tests[@]} VM tests, then the matrix"
log=$(mktemp "${TMPDIR:-/tmp}/kvm-bench-tests.XXXXXX")
if ! "$TOP/tests/run.sh" "${tests[@]}" | tee "$log"; then
	die "tests failed under $accel: no matrix on a host that fails them (the log: $log)"
fi
"$TOP/scripts/run-matrix.sh" -o "$root" -l "$log" ${matrix_args[@]+"${matrix_args[@]}"} ||
	die "the matrix failed (the tests' log: $log)"
rm -f "$log"
