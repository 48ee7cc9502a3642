#!/bin/bash
# Run the benchmark matrix (configurations x benchmarks x repetitions) and
# write one complete results folder.
#
# usage: run-matrix.sh [-c CONFIGS] [-p full|quick] [-b BOOTS] [-r REPS]
#                      [-w WARMUP] [-T wall|icount] [-P demand-fill|set-pte]
#                      [-l TESTS_LOG] [-o RESULTS_ROOT]
#   -c  comma-separated configurations
#       (default: native,lguest-baseline,lguest-fastpath,lguest-exitless)
#         native           bench/suite.conf run directly on the QEMU-booted
#                          32-bit kernel
#         native-guest     the same on the Linux guest's kernel configuration
#                          booted natively, in the Linux guest's memory
#                          (kernel/i386-native-guest.config; not by default)
#         lguest-baseline  bench/lguest-suite.conf's guests under lg.ko
#         lguest-fastpath  the same under the M:012 build of lg.ko
#         lguest-exitless  the same under the exitless build of lg.ko
#         lguest-<build>-direct  that build with direct system calls
#                          (lg.ko's direct_syscalls=1); in meta.json
#   -p  suite profile from bench/suite.conf (default full)
#   -b  VM boots per configuration (default 3); each runs every benchmark
#   -r  measured repetitions per benchmark per boot (default 5)
#   -w  warm-up repetitions per benchmark per boot (default 1)
#   -T  the guest's clock (scripts/vm-run.sh -T): wall (default), where
#       times are the shared host's, or icount, where guest time counts
#       instructions and figures repeat whatever the host's load (TCG only)
#   -P  how the Linux guest's new PTEs reach the host: demand-fill (default;
#       the host fills its shadow at the first touch) or set-pte (the
#       guest's LHCALL_SET_PTE for the faulting page); in meta.json
#   -l  a tests/run.sh log of the tests run on this machine first: kept in
#       the folder as tests.log, its last line in meta.json as "tests"
#   -o  where results go (default: results/ in the project)
#
# The VMs run on the accelerator scripts/probe-accel.sh chooses, with the
# CPU model scripts/vm-run.sh gives them; meta.json records both.
#
# Writes RESULTS_ROOT/<YYYYmmdd-HHMMSS>-<git short rev>/ with raw.csv (every
# repetition), summary.csv (median, min, max per series), perf.csv,
# meta.json, the figures, and the console log and the launcher's results
# (vm-run.sh -r) of every boot.
#
# perf.csv comes from one more boot per configuration, which runs the suite
# once (one repetition, no warm-up) under perf stat (suite.sh perf-jobs):
# lg.ko's trace events beside the module's own counters for every lguest
# run, and page-faults and minor-faults beside getrusage's count for every
# native program.  Its timings are not kept: perf's counting costs each
# fault time.  Where perf cannot count, meta.json says why.  native-guest
# has no counting boot: its kernel, the Linux guest's configuration, has no
# perf events.
#
# Everything is built in a hidden partial folder and renamed only when
# complete, so a failed or aborted run leaves nothing behind but its error
# message.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

configs=native,lguest-baseline,lguest-fastpath,lguest-exitless profile=full boots=3 reps=5 warmup=1 clock=wall
pte_policy=demand-fill tests_log=
root=$TOP/results
while getopts 'c:p:b:r:w:T:P:l:o:h' opt; do
	case $opt in
	c) configs=$OPTARG ;;
	p) profile=$OPTARG ;;
	b) boots=$OPTARG ;;
	r) reps=$OPTARG ;;
	w) warmup=$OPTARG ;;
	T) clock=$OPTARG ;;
	P) pte_policy=$OPTARG ;;
	l) tests_log=$OPTARG ;;
	o) root=$OPTARG ;;
	*) sed -n '3,33s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || die "unexpected argument '$1'"
for n in "$boots" "$reps"; do
	case $n in '' | *[!0-9]* | 0*) die "-b and -r take a positive whole number, not '$n'" ;; esac
done
case $warmup in '' | *[!0-9]*) die "-w takes a whole number, not '$warmup'" ;; esac
case $clock in wall | icount) ;; *) die "-T takes wall or icount, not '$clock'" ;; esac
case $pte_policy in demand-fill | set-pte) ;; *) die "-P takes demand-fill or set-pte, not '$pte_policy'" ;; esac
[ -z "$tests_log" ] || [ -s "$tests_log" ] || die "-l: no tests log at '$tests_log'"
IFS=, read -r -a config_list <<<"$configs"
[ ${#config_list[@]} -gt 0 ] || die "no configuration given"
for c in "${config_list[@]}"; do
	"$TOP/scripts/suite.sh" expected "$c" >/dev/null || exit 1
	"$TOP/scripts/suite.sh" vm-args "$c" >/dev/null || exit 1
done
benchcsv=$TOP/build/tools/benchcsv
[ -x "$benchcsv" ] || die "$benchcsv missing: run 'make tools'"
# Fail on a bad profile now, before anything is booted.
"$TOP/scripts/suite.sh" jobs native "$profile" 1 0 >/dev/null || exit 1

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
# The revision the binaries were built from: edits during the run don't count.
RESULTS_REV=$(project_rev)
results_begin "$root"
partial=$RESULTS_PARTIAL
mkdir "$partial/logs"
accel=$("$TOP/scripts/probe-accel.sh")
[ "$clock" = wall ] || [ "$accel" = tcg ] || die "-T $clock needs TCG, and the probe chose $accel"

# run_boot JOB LOG WHAT [RESULTS]: one VM boot running JOB, the launcher's
# results channel into RESULTS, on the kernel and memory of vm_args (the
# configuration's); on failure, the console's tail.
run_boot() {
	local rc=0
	"$TOP/scripts/vm-run.sh" -q -T "$clock" -t 1800 ${vm_args[@]+"${vm_args[@]}"} \
		-l "$2" ${4:+-r "$4"} "$1" || rc=$?
	if [ "$rc" != 0 ]; then
		tail -20 "$2" >&2
		die "$3 failed (vm-run status $rc); console tail above"
	fi
}

echo "config,benchmark,metric,unit,rep,value" >"$partial/raw.csv"
echo "config,benchmark,event,perf_count,own_count" >"$partial/perf.csv"
for config in "${config_list[@]}"; do
	# The job every boot of this configuration runs: who we are, then the suite.
	job=$partial/job-$config.sh
	read -r -a vm_args <<<"$("$TOP/scripts/suite.sh" vm-args "$config")"
	{
		echo 'echo "META,guest_kernel,$(uname -r)"'
		echo 'echo "META,guest_cpu,$(sed -n "s/^model name[[:space:]]*: //p" /proc/cpuinfo | head -1)"'
		"$TOP/scripts/suite.sh" jobs "$config" "$profile" "$reps" "$warmup" "$pte_policy"
	} >"$job"
	for boot in $(seq "$boots"); do
		log=$partial/logs/$config-boot$boot.log
		# Only the launcher writes results: native runs have none.
		results=
		runs_natively "$config" || results=$partial/logs/$config-boot$boot.results
		say "$config: boot $boot of $boots ($profile suite, $reps repetitions)"
		run_boot "$job" "$log" "$config boot $boot" "$results"
		# The guests' own figures from the console, the host's from the
		# launcher's results (benchcsv says why).  Number repetitions
		# across boots: boot b's rep r is (b-1)*reps+r.
		{
			"$benchcsv" extract "$config" "$log" &&
				{ [ -z "$results" ] || "$benchcsv" extract-host "$config" "$results"; }
		} | awk -F, -v OFS=, -v off=$(((boot - 1) * reps)) '{ $5 += off; print }' >>"$partial/raw.csv" ||
			die "could not read results from $log${results:+ and $results}"
	done
	# The counting boot, where there is one: its PERF lines, and whatever
	# kept perf from counting.
	perf_jobs=$("$TOP/scripts/suite.sh" perf-jobs "$config" "$profile" 1 0 "$pte_policy")
	if [ -n "$perf_jobs" ]; then
		{
			echo 'echo "META,perf,$(perf --version 2>&1 | head -1)"'
			echo "$perf_jobs"
		} >"$job"
		log=$partial/logs/$config-perf.log
		say "$config: counting boot, under perf stat"
		run_boot "$job" "$log" "$config counting boot"
		tr -d '\r' <"$log" | sed -n "s/^PERF,/$config,/p" >>"$partial/perf.csv"
		tr -d '\r' <"$log" | sed -n 's/^PERF-UNAVAILABLE,[^,]*,//p' | head -1 >>"$partial/perf-unavailable"
	fi
	rm "$job"
	# This configuration's rows must hold every series it promises.
	"$TOP/scripts/suite.sh" expected "$config" >"$partial/expected.txt"
	awk -F, -v c="$config" 'NR == 1 || $1 == c' "$partial/raw.csv" >"$partial/rows.csv"
	"$benchcsv" verify "$partial/expected.txt" "$partial/rows.csv" >&2 ||
		die "incomplete results for $config"
	rm "$partial/expected.txt" "$partial/rows.csv"
done
"$benchcsv" summarize "$partial/raw.csv" >"$partial/summary.csv"

# Metadata: what ran, where, on what.  A run is flagged when the host's
# 1-minute load went past its cores at either end: wall-clock figures from
# such a run include other work's time.
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
overloaded=$(awk -v a="${load_before%% *}" -v b="${load_after%% *}" -v n="$(nproc)" \
	'BEGIN { print (a > n || b > n) ? "yes" : "no" }')
[ "$overloaded" = no ] || say "warning: the host's load exceeded its $(nproc) cores during this run"
meta() {
	tr -d '\r' <"$partial/logs/${config_list[0]}-boot1.log" | sed -n "s/^META,$1,//p" | head -1
}
# perf: its version (from the first counting boot), or why it could not
# count; rows where it disagreed.
perf_status="not run: no configuration here has perf"
for c in "${config_list[@]}"; do
	[ -f "$partial/logs/$c-perf.log" ] || continue
	perf_status=$(tr -d '\r' <"$partial/logs/$c-perf.log" | sed -n 's/^META,perf,//p' | head -1)
	break
done
if [ -s "$partial/perf-unavailable" ]; then
	perf_status="unavailable: $(head -1 "$partial/perf-unavailable")"
	say "warning: perf could not count: ${perf_status#unavailable: }"
fi
rm -f "$partial/perf-unavailable"
perf_rows=$(($(wc -l <"$partial/perf.csv") - 1))
perf_disagree=$(awk -F, 'NR > 1 && $4 != $5' "$partial/perf.csv" | wc -l)
[ "$perf_disagree" = 0 ] || say "warning: perf and the counters disagree in $perf_disagree rows of perf.csv"
# The native-guest kernel's delta from the guest's configuration, for
# runs that include it: the fragment's hash and its option lines.
native_guest=()
case ,$configs, in
*,native-guest,*)
	delta=$TOP/kernel/i386-native-guest.config
	native_guest=(native_guest_delta "$(basename "$delta") sha256:$(sha256sum <"$delta" | cut -d' ' -f1)"
		native_guest_delta_options "$(grep -E '^(CONFIG_|# CONFIG_)' "$delta" | paste -sd';' -)") ;;
esac
tests=
if [ -n "$tests_log" ]; then
	cp "$tests_log" "$partial/tests.log"
	tests=$(tail -1 "$tests_log")
fi
# The configurations whose lg.ko ran with direct_syscalls=1.
direct_configs=$(printf '%s\n' "${config_list[@]}" | grep -- '-direct$' | paste -sd, -) || true
mapfile -t pairs < <(results_meta_pairs "$accel")
json_object "${pairs[@]}" accel "$accel" ${tests:+tests "$tests"} guest_kernel "$(meta guest_kernel)" \
	guest_cpu "$(meta guest_cpu)" configs "$configs" profile "$profile" \
	boots "$boots" reps_per_boot "$reps" warmup_per_boot "$warmup" \
	clock "$clock" host_loadavg_before "$load_before" \
	host_loadavg_after "$load_after" host_cores "$(nproc)" \
	host_overloaded "$overloaded" matrix_seconds "$(($(date +%s) - started))" \
	pte_policy "$pte_policy" direct_syscalls "$direct_configs" \
	perf "$perf_status" perf_rows "$perf_rows" \
	perf_disagreements "$perf_disagree" \
	linux_guest_mem_mib 448 ${native_guest[@]+"${native_guest[@]}"} >"$partial/meta.json"

"$TOP/scripts/plot-results.sh" "$partial" || die "plotting failed"
results_publish "$root"
