#!/bin/bash
# The workload as a benchmark (issue 22): busybox built inside every
# configuration, timed, counted and checked, into one results folder.
#
# usage: workload-matrix.sh [-c CONFIGS] [-r RUNS] [-o RESULTS_ROOT] [TARGET...]
#   -c  comma-separated configurations (default: native,native-guest,
#       lguest-baseline,lguest-fastpath,lguest-exitless,
#       lguest-baseline-direct,lguest-fastpath-direct,
#       lguest-exitless-direct; scripts/run-workload.sh says what each runs)
#   -r  wall-clock runs per configuration (default 3), in rounds: every
#       configuration once a round, the order rotated by one each round
#   -o  where results go (default: results/ in the project)
#   TARGET  a reduced build of just these objects of busybox's tree (and
#       what they need), for a short check of the pipeline: meta.json
#       says "reduced"; none: the whole build, linked and run
#
# Per configuration: RUNS builds on the shared host's clock (ns_per_build,
# the guest's clock: TCG time, never hardware time), one on the
# instruction clock (instructions_per_build: its milliseconds x 500000,
# vm-run.sh -T icount), and under lguest one boot of null_hypercall on the
# instruction clock (scripts/suite.sh jobs, SUITE_ONLY=null_hypercall, the
# full profile's operations, 3 repetitions after a warm-up): the
# instructions of a null round trip, for the Amdahl bound.  The host's
# counts of each build's window (world switches, exits by reason) come from
# the launcher's results channel; page faults from the guest kernel (the
# guest's word, a cross-check).  Every run's objects are hashed and must
# agree, byte for byte, across runs and configurations:
# scripts/workload-assemble.sh gives the verdict, the derived rows
# and summary.csv.
#
# Writes RESULTS_ROOT/<YYYYmmdd-HHMMSS>-<rev>-workload/ with measured.csv,
# icount-switches.csv, raw.csv, summary.csv, verdict.txt, hashes/,
# meta.json, and in logs/ every VM's console, output and results channel.
# A run whose builds differ is kept as RESULTS_ROOT/failed-<stamp>-workload
# for inspection, and the script fails.  Pieces recorded separately (-c)
# join with scripts/workload-merge.sh.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

configs=native,native-guest,lguest-baseline,lguest-fastpath,lguest-exitless
configs=$configs,lguest-baseline-direct,lguest-fastpath-direct,lguest-exitless-direct
runs=3 root=$TOP/results
while getopts 'c:r:o:h' opt; do
	case $opt in
	c) configs=$OPTARG ;;
	r) runs=$OPTARG ;;
	o) root=$OPTARG ;;
	*) sed -n '5,16s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
targets=("$@")
case $runs in '' | *[!0-9]* | 0*) die "-r takes a positive whole number, not '$runs'" ;; esac
IFS=, read -r -a config_list <<<"$configs"
[ ${#config_list[@]} -gt 0 ] || die "no configuration given"
for c in "${config_list[@]}"; do
	"$TOP/scripts/suite.sh" vm-args "$c" >/dev/null || exit 1
	runs_natively "$c" || "$TOP/scripts/suite.sh" insmod "$c" >/dev/null || exit 1
done
benchcsv=$TOP/build/tools/benchcsv
[ -x "$benchcsv" ] || die "$benchcsv missing: run 'make tools'"
[ -f "$TOP/build/workload-initramfs.cpio" ] || die "no workload initramfs: run 'make workload-initramfs'"
[ "$("$TOP/scripts/probe-accel.sh")" = tcg ] || die "the instruction clock needs TCG"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
RESULTS_REV=$(project_rev)
results_begin "$root"
partial=$RESULTS_PARTIAL
mkdir "$partial/logs" "$partial/hashes"
header=config,benchmark,metric,unit,rep,value
echo "$header" >"$partial/measured.csv"
echo "$header" >"$partial/icount-switches.csv"

# build CONFIG CLOCK RUN: one build, its console, output and results
# channel in logs/CONFIG-RUN.*, its hashes in hashes/CONFIG-RUN.txt; its
# rows, as repetition RUN's number (the icount run: 1, but its page
# faults and system calls RUNS + 1, after the wall runs'), appended to
# measured.csv: the time (wall) or the instructions (icount), the guest's
# page faults, and under lguest the guest's system calls and the host's counts of the
# window (on the instruction clock, its world switches go to
# icount-switches.csv for the Amdahl bound).
build() {
	local config=$1 clock=$2 run=$3 rep=${3#wall} fault_rep=${3#wall} out ms faults calls host
	[ "$clock" = wall ] || { rep=1; fault_rep=$((runs + 1)); }
	out=$partial/logs/$config-$run
	"$TOP/scripts/run-workload.sh" -T "$clock" -l "$out.log" -r "$out.results" "$config" \
		${targets[@]+"${targets[@]}"} >"$out.out" ||
		die "$config: the $clock build failed (console: $out.log)"
	sed -n 's/^WORKLOAD-HASH //p' "$out.out" >"$partial/hashes/$config-$run.txt"
	ms=$(sed -n 's/^WORKLOAD-STEP target=[^ ]* ms=\([0-9]*\)$/\1/p' "$out.out")
	faults=$(sed -n 's/^WORKLOAD-FAULTS minor=\([0-9]*\) major=\([0-9]*\)$/\1 \2/p' "$out.out")
	[ -n "$ms" ] && [ -n "$faults" ] || die "$config: no build time or faults in $out.out"
	{
		if [ "$clock" = wall ]; then
			echo "$config,busybox_build,ns_per_build,ns,$rep,$((ms * 1000000))"
		else
			echo "$config,busybox_build,instructions_per_build,instructions,$rep,$((ms * 500000))"
		fi
		echo "$config,busybox_build,page_faults_per_build,faults,$fault_rep,$((${faults% *} + ${faults#* }))"
	} >>"$partial/measured.csv"
	runs_natively "$config" && return
	calls=$(sed -n 's/^WORKLOAD-SYSCALLS calls=\([0-9]*\)$/\1/p' "$out.out")
	[ -n "$calls" ] || die "$config: the guest kernel counted no system calls ($out.out)"
	echo "$config,busybox_build,system_calls_per_build,calls,$fault_rep,$calls" >>"$partial/measured.csv"
	host=$("$benchcsv" extract-host "$config" "$out.results" | sed 's/_per_op,/_per_build,/') ||
		die "$config: unreadable results channel $out.results"
	if [ "$clock" = wall ]; then
		echo "$host" | awk -F, -v OFS=, -v rep="$rep" '{ $5 = rep; print }' >>"$partial/measured.csv"
	else
		echo "$host" | grep '^[^,]*,busybox_build,world_switches_per_build,' >>"$partial/icount-switches.csv"
	fi
}

# null_trip CONFIG: null_hypercall under CONFIG on the instruction clock;
# its instructions_per_op (ns / 2) and the host's world_switches_per_op.
null_trip() {
	local out=$partial/logs/$1-null_hypercall vm_args
	SUITE_ONLY=null_hypercall "$TOP/scripts/suite.sh" jobs "$1" full 3 1 >"$out.sh"
	read -r -a vm_args <<<"$("$TOP/scripts/suite.sh" vm-args "$1")"
	"$TOP/scripts/vm-run.sh" -q -T icount -t 1800 ${vm_args[@]+"${vm_args[@]}"} \
		-l "$out.log" -r "$out.results" "$out.sh" ||
		die "$1: null_hypercall failed (console: $out.log)"
	{
		"$benchcsv" extract "$1" "$out.log" | awk -F, -v OFS=, '$3 == "ns_per_op" {
			$3 = "instructions_per_op"; $4 = "instructions"; $6 = sprintf("%.3f", $6 / 2); print }'
		"$benchcsv" extract-host "$1" "$out.results"
	} >>"$partial/measured.csv" || die "$1: unreadable null_hypercall results"
}

n=${#config_list[@]}
for run in $(seq "$runs"); do
	for i in $(seq 0 $((n - 1))); do
		config=${config_list[$(((i + run - 1) % n))]}
		say "$config: wall-clock build $run of $runs ($(date -u +%H:%M:%S))"
		build "$config" wall "wall$run"
	done
done
for config in "${config_list[@]}"; do
	say "$config: build on the instruction clock ($(date -u +%H:%M:%S))"
	build "$config" icount icount
	runs_natively "$config" && continue
	say "$config: null_hypercall on the instruction clock ($(date -u +%H:%M:%S))"
	null_trip "$config"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
build_kind=whole
[ ${#targets[@]} -eq 0 ] || build_kind="reduced: ${targets[*]}"
mapfile -t pairs < <(results_meta_pairs tcg)
json_object "${pairs[@]}" accel tcg benchmark busybox_build unit build build "$build_kind" \
	configs "$configs" wall_runs_per_config "$runs" icount_runs_per_config 1 \
	direct_syscalls "$(printf '%s\n' "${config_list[@]}" | grep -- '-direct$' | paste -sd, -)" \
	path_length "one build per configuration on the instruction clock (QEMU -icount shift=1,sleep=off): instructions_per_build = the guest's milliseconds x 500000, to its clock's 10 ms (5 million instructions)" \
	round_trip "null_hypercall, full profile, 3 repetitions after 1 warm-up, on the instruction clock, per lguest configuration" \
	guest_counts "page_faults_per_build: the guest kernel's minor and major faults of make and its children (/proc/PID/stat); system_calls_per_build (under lguest): the guest kernel's count (/proc/lguest/syscalls, guest patch 0031) from just before the window to just after it, the commands around make included; natively not counted" \
	wall_clock "the guest's clock under TCG on a shared host: not hardware time" \
	host_loadavg_before "$load_before" host_loadavg_after "$load_after" host_cores "$(nproc)" \
	matrix_seconds "$(($(date +%s) - started))" linux_guest_mem_mib 448 \
	vm_mem_mib "880 in every configuration, native-guest too (its 448 cannot hold the initramfs with the workload's)" >"$partial/meta.json"
if ! "$TOP/scripts/workload-assemble.sh" "$partial"; then
	failed=$root/failed-$(date -u +%Y%m%d-%H%M%S)-workload
	mv "$partial" "$failed"
	trap - EXIT
	die "the builds differ: $(cat "$failed/verdict.txt"); kept in $failed"
fi
say "verdict: $(cat "$partial/verdict.txt")"
RESULTS_REV=$RESULTS_REV-workload
results_publish "$root"
