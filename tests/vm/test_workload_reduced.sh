#!/bin/bash
# The workload, reduced (issue 22): on the VM's own kernel and inside the
# Linux guest under each build of lg.ko (baseline, fastpath, exitless),
# Debian's toolchain configures busybox's tree and compiles two of its
# objects (make also compiles the applet table's, which they need).  Every
# build must finish with the native build's objects, byte for byte: the
# build is reproducible, so a difference is the guest computing something
# else under that build of the host.  The hosts must log no oops, BUG or
# WARNING.
#
# The system calls: under lguest the guest kernel counts them
# (/proc/lguest/syscalls), from just before the host's window on the make
# to just after it.  Without direct system calls each one is an exit the
# host counts in the window too, so the guest's count holds the host's
# and exceeds it by the commands around the window only (at most SLACK);
# with them (lguest-exitless-direct) the host counts none and the guest
# about as many as under the others.
. "$(dirname "$0")/../lib.sh"
scratch
targets="libbb/xfuncs.o coreutils/true.o"
slack=400
configs="lguest-baseline lguest-fastpath lguest-exitless lguest-exitless-direct"
for config in native $configs; do
	rc=0
	"$TOP/scripts/run-workload.sh" -l "$SCRATCH/$config.log" -r "$SCRATCH/$config.results" \
		"$config" $targets >"$SCRATCH/$config.out" 2>"$SCRATCH/$config.err" || rc=$?
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
	calls=$(sed -n 's/^WORKLOAD-SYSCALLS calls=\([0-9]*\)$/\1/p' "$SCRATCH/$config.out")
	if [ "$config" = native ]; then
		check "native: no count of system calls (the VM's kernel keeps none)" [ -z "$calls" ]
		continue
	fi
	host=$("$TOP/build/tools/benchcsv" extract-host "$config" "$SCRATCH/$config.results" |
		awk -F, '$3 == "exits_syscall_per_op" { printf "%d", $6 }')
	echo "$config: the guest counted ${calls:-no} system calls, the host ${host:-no} exits"
	check "$config: the guest counted the build's system calls (${calls:-none})" \
		[ "${calls:-0}" -gt 1000 ]
	case $config in
	*-direct)
		check "$config: not one exited to the host (${host:-no count})" [ "${host:-x}" = 0 ]
		check "$config: within 1 % of lguest-baseline's (${calls:-0} against $base_calls)" \
			in_range "${calls:-0}" $((base_calls * 99 / 100)) $((base_calls * 101 / 100 + 1))
		;;
	*)
		check "$config: the host counted exits for them (${host:-none})" [ "${host:-0}" -gt 0 ]
		check "$config: the guest's count holds the host's (${host:-0} <= ${calls:-0} <= ${host:-0} + $slack)" \
			in_range "${calls:-0}" "${host:-0}" $((${host:-0} + slack + 1))
		;;
	esac
	[ "$config" != lguest-baseline ] || base_calls=${calls:-1}
done
check "native: the build's objects were hashed" [ -s "$SCRATCH/native.hashes" ]
for config in $configs; do
	check "$config: the same objects, byte for byte, as native" \
		cmp -s "$SCRATCH/native.hashes" "$SCRATCH/$config.hashes"
done
finish
