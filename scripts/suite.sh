#!/bin/bash
# The benchmark suite of one configuration.
#
# usage: suite.sh jobs CONFIG full|quick REPS WARMUP [PTE_POLICY]
#                                                      shell lines running it
#        suite.sh perf-jobs CONFIG full|quick REPS WARMUP [PTE_POLICY]
#                                                      the same under perf
#        suite.sh expected CONFIG                      "benchmark,metric" lines
#        suite.sh units CONFIG full|quick              "benchmark count unit"
#                                                      lines: the pages or
#                                                      operations one
#                                                      repetition counts over
#        suite.sh vm-args CONFIG                       scripts/vm-run.sh's
#                                                      options for its boots
#        suite.sh insmod CONFIG                        the VM's command that
#                                                      loads its lg.ko
#
# PTE_POLICY, for the Linux guest: demand-fill (the default: the host fills
# its shadow when a new PTE's page is first touched) or set-pte (the guest
# sends the faulting page's new PTE by LHCALL_SET_PTE: lguest_pte=set-pte).
#
# CONFIG "native" runs the programs of bench/suite.conf on the host kernel;
# "native-guest" runs them the same way on the Linux guest's own kernel
# configuration booted natively (kernel/i386-native-guest.config, the
# delta), in the Linux guest's memory: the like-for-like limit;
# "lguest-baseline", "lguest-fastpath" and "lguest-exitless" run the guests
# of bench/lguest-suite.conf under that build of lg.ko, and
# then the same bench/suite.conf inside the Linux guest under that lg.ko.
# "lguest-<build>-direct" is that build loaded with direct_syscalls=1: user
# space's int $0x80 straight into the guest kernel (module/interrupts.c).
# "jobs" prints the commands the VM runs; a failing benchmark stops the job
# with its name and status.  The world switches and exits by reason of the
# in-guest microbenchmarks and of the Linux guest's programs go to the
# VM's second serial port (RESULTS_TTY; vm-run.sh -r), written by the
# launcher for the windows it was told to expect (launcher -w: each
# program marks its repetitions through the guest kernel's
# /proc/lguest/window), so nothing a guest prints can pass for them; the
# Linux guest's programs still print the figures they read from
# /proc/lguest/counters (bench/exits.h), as a cross-check benchcsv
# ignores.  "perf-jobs" prints them each under
# /lguest/perf-count (initramfs/perf-count.sh), which adds perf's counts
# beside the module's or getrusage's as PERF lines; perf's counting costs
# time, so these runs are for counts only (the Linux guest has no perf: its
# programs run as they are, and perf counts the whole guest's run; for
# native-guest, whose kernel has no perf events, there is nothing to run).
# For counting by difference (scripts/event-counts.sh): with
# SUITE_ONLY=NAME, "jobs" runs only benchmark NAME (and no Linux guest for
# an in-guest microbenchmark).
# "insmod" prints the command loading an lguest configuration's lg.ko with
# its parameters, for other jobs (scripts/run-workload.sh).
# "expected" lists every series a complete run of that configuration must
# contain.  "vm-args" prints the kernel and memory of the VM that runs it,
# when they are not vm-run.sh's defaults (the host kernel in 768 MiB), and
# fails when that kernel is not built.
set -eu
. "$(dirname "$0")/common.sh"

# The launcher's results channel in the VM: vm-run.sh -r's serial port.
RESULTS_TTY=/dev/ttyS1
# The Linux guest's memory, under lguest or booted natively: 448 MiB hold
# page_fault2's and page_fault3's 128 MiB files in its tmpfs.
LINUX_GUEST_MIB=448

usage() {
	die "usage: $(basename "$0") jobs|perf-jobs CONFIG full|quick REPS WARMUP [PTE_POLICY] | expected|vm-args|insmod CONFIG | units CONFIG full|quick"
}

# The lines of a suite file, without comments.
entries() {
	[ -f "$1" ] || die "$1 missing"
	grep -v '^[[:space:]]*\(#\|$\)' "$1"
}

# pick full|quick "FULL | QUICK": one side of the bar, whitespace folded.
pick() {
	local side
	case $2 in *'|'*) ;; *) die "suite: no '|' between full and quick options in '$2'" ;; esac
	if [ "$1" = full ]; then side=${2%%|*}; else side=${2#*|}; fi
	read -r -a side <<<"$side"
	echo "${side[*]}"
}

# only NAME: whether SUITE_ONLY lets benchmark NAME run.
only() {
	[ -z "${SUITE_ONLY:-}" ] || [ "$SUITE_ONLY" = "$1" ]
}

# The module each lguest configuration loads, and its parameters.
module_for() {
	case ${1%-direct} in
	lguest-baseline) echo /lguest/lg.ko ;;
	lguest-fastpath) echo /lguest/fastpath/lg.ko ;;
	lguest-exitless) echo /lguest/exitless/lg.ko ;;
	*) die "unknown configuration '$1' (known: native, native-guest, lguest-baseline, lguest-fastpath, lguest-exitless, each lguest one with -direct)" ;;
	esac
}
module_args_for() {
	case $1 in *-direct) echo direct_syscalls=1 ;; esac
}
insmod_line() {
	local args
	args=$(module_args_for "$1")
	echo "insmod $(module_for "$1")${args:+ $args}"
}

# The native suite's commands (also what the Linux guest runs); with
# "count", each under perf-count's page-fault count.
native_jobs() {
	local counted=
	entries "$TOP/bench/suite.conf" | while read -r name kind rest; do
		case $kind in fault | fault-iter | op) ;; *) die "suite.conf: $name: kind must be fault, fault-iter or op" ;; esac
		[ "${1:-}" != count ] || counted="/lguest/perf-count faults $name "
		only "$name" || continue
		echo "$counted$name -r $reps -w $warmup $(pick "$profile" "$rest") ||" \
			"{ echo \"BENCH-FAILED $name status \$?\"; exit 1; }"
	done
}

# bytes SIZE: -s's SIZE (digits, then K, M or G or nothing) in bytes.
bytes() {
	case $1 in
	*[0-9]K) echo $((${1%K} << 10)) ;;
	*[0-9]M) echo $((${1%M} << 20)) ;;
	*[0-9]G) echo $((${1%G} << 30)) ;;
	*[0-9]) echo $(($1)) ;;
	*) die "suite.conf: '$1' is not a size" ;;
	esac
}

# What one repetition of each program of bench/suite.conf counts over,
# "NAME N UNIT" lines: the pages its -s maps (4 KiB each) or its -n
# operations.
native_units() {
	local name kind rest n
	entries "$TOP/bench/suite.conf" | while read -r name kind rest; do
		# shellcheck disable=SC2046 # the options, word by word
		set -- $(pick "$profile" "$rest")
		n=
		while [ $# -ge 2 ]; do
			case $kind,$1 in
			op,-n) n="$2 op" ;;
			fault*,-s) n="$(($(bytes "$2") / 4096)) page" ;;
			esac
			shift 2
		done
		[ -n "$n" ] || die "suite.conf: $name: its window needs -s SIZE (kind fault) or -n N (kind op) in both profiles"
		echo "$name $n"
	done
}

# The launcher's -w for each program of the Linux guest: a window a
# repetition, over its units.
linux_windows() {
	native_units | while read -r name n unit; do
		echo "-w $name:$n:$reps:$unit"
	done | paste -sd' ' -
}

# In the Linux guest, first: how long it took to boot to /init, by the
# guest's clock (the TSC, from setup_arch() on) at "Run /init".  One
# figure a boot; the VM's own boot is not in it.
linux_boot_job() {
	cat <<'EOF'
t=$(dmesg | sed -n 's/^\[ *\([0-9.]*\)\] Run \/init as init process$/\1/p')
[ -n "$t" ] || { echo "BENCH-FAILED linux_boot: no 'Run /init' in dmesg"; exit 1; }
echo "BENCH,linux_boot,ms_to_init,ms,1,$(echo "$t" | awk '{ printf "%.3f", $1 * 1000 }')"
EOF
}

# The exit groups the launcher reports for each program under lguest, as
# bench/exit_groups.c names them (bench_exit_names), in its order.
exit_groups() {
	local groups
	groups=$(sed -n 's/^[[:space:]]*\[BENCH_[A-Z_]*\][[:space:]]*= "\([a-z_]*\)",$/\1/p' \
		"$TOP/bench/exit_groups.c")
	[ -n "$groups" ] || die "no exit group names found in bench/exit_groups.c"
	echo "$groups"
}

# The native suite's series; with "exits", also each program's exits by
# reason (bench/exit_groups.c's names), per page or per op.
native_expected() {
	local per groups
	groups=$(exit_groups)
	entries "$TOP/bench/suite.conf" | while read -r name kind _; do
		case $kind in
		fault) printf '%s,ns_per_page\n%s,minflt_per_page\n' "$name" "$name" ;;
		fault-iter) printf '%s,ns_per_page\n%s,ns_per_page_iter\n%s,minflt_per_page\n' "$name" "$name" "$name" ;;
		*) echo "$name,ns_per_op" ;;
		esac
		[ "${1:-}" = exits ] || continue
		per=per_page
		[ "$kind" != op ] || per=per_op
		for e in $groups; do
			echo "$name,${e}_$per"
		done
	done
}

[ $# -ge 2 ] || usage
what=$1 config=$2
runs_natively "$config" || module_for "$config" >/dev/null
case $what in
jobs | perf-jobs)
	[ $# -eq 5 ] || [ $# -eq 6 ] || usage
	profile=$3 reps=$4 warmup=$5 policy=${6:-demand-fill}
	# What runs a launcher: -q drops its counters line, which perf-count
	# reads; -w names the windows each guest must mark: its name, its
	# ops, $reps of them.
	launch="/lguest/launcher -q -r $RESULTS_TTY -w NAME:OPS:$reps"
	linux="/lguest/run-linux-guest -q -r $RESULTS_TTY $(linux_windows)" count=
	if [ "$what" = perf-jobs ]; then
		launch="/lguest/perf-count lguest NAME /lguest/launcher"
		linux="/lguest/perf-count lguest linux-guest /lguest/run-linux-guest"
		count=count
	fi
	case $policy in
	demand-fill) guest_pte=demand ;;
	set-pte) guest_pte=set-pte ;;
	*) die "the PTE policy must be demand-fill or set-pte, not '$policy'" ;;
	esac
	case $profile in full | quick) ;; *) die "profile must be full or quick, not '$profile'" ;; esac
	if [ "$config" = native-guest ] && [ "$what" = perf-jobs ]; then
		: # its kernel, the Linux guest's configuration, has no perf events
	elif runs_natively "$config"; then
		native_jobs $count
	else
		echo "$(insmod_line "$config") || exit 1"
		entries "$TOP/bench/lguest-suite.conf" | while read -r name rest; do
			only "$name" || continue
			ops=$(pick "$profile" "$rest")
			run=${launch//NAME/$name}
			echo "${run/OPS/$ops} -c 'reps=$reps warmup=$warmup ops=$ops'" \
				"/lguest/guests/bench_$name.elf ||" \
				"{ echo \"BENCH-FAILED $name status \$?\"; exit 1; }"
		done
		# Only an in-guest microbenchmark: no Linux guest.
		[ -z "${SUITE_ONLY:-}" ] || entries "$TOP/bench/suite.conf" | grep -q "^$SUITE_ONLY[[:space:]]" ||
			{ echo "rmmod lg || exit 1"; exit 0; }
		# The Linux guest's job is written out, then booted with.
		echo "cat >/tmp/linux-guest-suite.sh <<'LINUX_GUEST_SUITE'"
		linux_boot_job
		native_jobs
		echo "LINUX_GUEST_SUITE"
		echo "$linux -m $LINUX_GUEST_MIB -t 3000 -a lguest_pte=$guest_pte /tmp/linux-guest-suite.sh ||" \
			"{ echo \"BENCH-FAILED linux-guest status \$?\"; exit 1; }"
		echo "rmmod lg || exit 1"
	fi
	;;
expected)
	[ $# -eq 2 ] || usage
	if runs_natively "$config"; then
		native_expected
	else
		entries "$TOP/bench/lguest-suite.conf" | while read -r name _; do
			printf '%s,ns_per_op\n%s,world_switches_per_op\n' "$name" "$name"
		done
		echo "linux_boot,ms_to_init"
		native_expected exits
	fi
	;;
units)
	[ $# -eq 3 ] || usage
	profile=$3
	case $profile in full | quick) ;; *) die "profile must be full or quick, not '$profile'" ;; esac
	runs_natively "$config" || entries "$TOP/bench/lguest-suite.conf" |
		while read -r name rest; do echo "$name $(pick "$profile" "$rest") op"; done
	native_units
	;;
vm-args)
	[ $# -eq 2 ] || usage
	if [ "$config" = native-guest ]; then
		kernel=$("$TOP/scripts/kernel-dir.sh" --native-guest)/arch/x86/boot/bzImage
		[ -f "$kernel" ] || die "$kernel missing: run 'make native-guest-kernel'"
		echo "-k $kernel -m $LINUX_GUEST_MIB"
	fi
	;;
insmod)
	[ $# -eq 2 ] || usage
	runs_natively "$config" && die "$config runs no lg.ko"
	insmod_line "$config"
	;;
*)
	usage
	;;
esac
