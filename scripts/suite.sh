#!/bin/bash
# The benchmark suite of one configuration.
#
# usage: suite.sh jobs CONFIG full|quick REPS WARMUP [PTE_POLICY]
#                                                      shell lines running it
#        suite.sh perf-jobs CONFIG full|quick REPS WARMUP [PTE_POLICY]
#                                                      the same under perf
#        suite.sh expected CONFIG                      "benchmark,metric" lines
#        suite.sh guest-counted CONFIG                 benchmarks whose host
#                                                      figures are the guest's
#
# PTE_POLICY, for the Linux guest: demand-fill (the default: the host fills
# its shadow when a new PTE's page is first touched) or set-pte (the guest
# sends the faulting page's new PTE by LHCALL_SET_PTE: lguest_pte=set-pte).
#
# CONFIG "native" runs the programs of bench/suite.conf on the host kernel;
# "lguest-baseline", "lguest-fastpath" and "lguest-exitless" run the guests
# of bench/lguest-suite.conf under that build of lg.ko, and
# then the same bench/suite.conf inside the Linux guest under that lg.ko,
# where each program also reports its exits by reason (bench/exits.h).
# "lguest-<build>-direct" is that build loaded with direct_syscalls=1: user
# space's int $0x80 straight into the guest kernel (module/interrupts.c).
# "jobs" prints the commands the VM runs; a failing benchmark stops the job
# with its name and status.  The in-guest microbenchmarks' world switches
# go to the VM's second serial port (RESULTS_TTY; vm-run.sh -r), written
# by the launcher for the windows it was told to expect (launcher -w), so
# nothing a guest prints can pass for them.  "perf-jobs" prints them each under
# /lguest/perf-count (initramfs/perf-count.sh), which adds perf's counts
# beside the module's or getrusage's as PERF lines; perf's counting costs
# time, so these runs are for counts only (the Linux guest has no perf: its
# programs run as they are, and perf counts the whole guest's run).
# "expected" lists every series a complete run of that configuration must
# contain.  "guest-counted" lists, comma-separated, the benchmarks whose
# world switches and exits by reason come from the console all the same
# (benchcsv extract -g): the Linux guest's programs, which read them from
# the guest kernel's /proc/lguest/counters, so they are the guest's word.
set -eu
. "$(dirname "$0")/common.sh"

# The launcher's results channel in the VM: vm-run.sh -r's serial port.
RESULTS_TTY=/dev/ttyS1

usage() {
	die "usage: $(basename "$0") jobs|perf-jobs CONFIG full|quick REPS WARMUP [PTE_POLICY] | expected|guest-counted CONFIG"
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

# The module each lguest configuration loads, and its parameters.
module_for() {
	case ${1%-direct} in
	lguest-baseline) echo /lguest/lg.ko ;;
	lguest-fastpath) echo /lguest/fastpath/lg.ko ;;
	lguest-exitless) echo /lguest/exitless/lg.ko ;;
	*) die "unknown configuration '$1' (known: native, lguest-baseline, lguest-fastpath, lguest-exitless, each lguest one with -direct)" ;;
	esac
}
module_args_for() {
	case $1 in *-direct) echo direct_syscalls=1 ;; esac
}

# The native suite's commands (also what the Linux guest runs); with
# "count", each under perf-count's page-fault count.
native_jobs() {
	local counted=
	entries "$TOP/bench/suite.conf" | while read -r name kind rest; do
		case $kind in fault | fault-iter | op) ;; *) die "suite.conf: $name: kind must be fault, fault-iter or op" ;; esac
		[ "${1:-}" != count ] || counted="/lguest/perf-count faults $name "
		echo "$counted$name -r $reps -w $warmup $(pick "$profile" "$rest") ||" \
			"{ echo \"BENCH-FAILED $name status \$?\"; exit 1; }"
	done
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

# The exit groups each program reports under lguest, as bench/exits.c
# names them (bench_exit_names), in its order.
exit_groups() {
	local groups
	groups=$(sed -n 's/^[[:space:]]*\[BENCH_[A-Z_]*\][[:space:]]*= "\([a-z_]*\)",$/\1/p' \
		"$TOP/bench/exits.c")
	[ -n "$groups" ] || die "no exit group names found in bench/exits.c"
	echo "$groups"
}

# The native suite's series; with "exits", also each program's exits by
# reason (bench/exits.c's names), per page or per op.
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
[ "$config" = native ] || module_for "$config" >/dev/null
case $what in
jobs | perf-jobs)
	[ $# -eq 5 ] || [ $# -eq 6 ] || usage
	profile=$3 reps=$4 warmup=$5 policy=${6:-demand-fill}
	# What runs a launcher: -q drops its counters line, which perf-count
	# reads; -w names the windows each guest must mark: its name, its
	# ops, $reps of them.
	launch="/lguest/launcher -q -r $RESULTS_TTY -w NAME:OPS:$reps"
	linux="/lguest/run-linux-guest -q" count=
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
	if [ "$config" = native ]; then
		native_jobs $count
	else
		args=$(module_args_for "$config")
		echo "insmod $(module_for "$config")${args:+ $args} || exit 1"
		entries "$TOP/bench/lguest-suite.conf" | while read -r name rest; do
			ops=$(pick "$profile" "$rest")
			run=${launch//NAME/$name}
			echo "${run/OPS/$ops} -c 'reps=$reps warmup=$warmup ops=$ops'" \
				"/lguest/guests/bench_$name.elf ||" \
				"{ echo \"BENCH-FAILED $name status \$?\"; exit 1; }"
		done
		# The Linux guest's job is written out, then booted with; 448 MiB
		# hold page_fault2's and page_fault3's 128 MiB files in its tmpfs.
		echo "cat >/tmp/linux-guest-suite.sh <<'LINUX_GUEST_SUITE'"
		linux_boot_job
		native_jobs
		echo "LINUX_GUEST_SUITE"
		echo "$linux -m 448 -t 3000 -a lguest_pte=$guest_pte /tmp/linux-guest-suite.sh ||" \
			"{ echo \"BENCH-FAILED linux-guest status \$?\"; exit 1; }"
		echo "rmmod lg || exit 1"
	fi
	;;
expected)
	[ $# -eq 2 ] || usage
	if [ "$config" = native ]; then
		native_expected
	else
		entries "$TOP/bench/lguest-suite.conf" | while read -r name _; do
			printf '%s,ns_per_op\n%s,world_switches_per_op\n' "$name" "$name"
		done
		echo "linux_boot,ms_to_init"
		native_expected exits
	fi
	;;
guest-counted)
	[ $# -eq 2 ] || usage
	[ "$config" = native ] ||
		entries "$TOP/bench/suite.conf" | awk '{ print $1 }' | paste -sd, -
	;;
*)
	usage
	;;
esac
