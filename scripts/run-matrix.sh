#!/bin/bash
# Run the benchmark matrix (configurations x benchmarks x repetitions) and
# write one complete results folder.
#
# usage: run-matrix.sh [-c CONFIGS] [-p full|quick] [-b BOOTS] [-r REPS]
#                      [-w WARMUP] [-T wall|icount] [-i ICOUNT_REPS]
#                      [-P demand-fill|set-pte] [-l TESTS_LOG] [-o RESULTS_ROOT]
#   -c  comma-separated configurations
#       (default: native,native-guest,lguest-baseline,lguest-fastpath,
#       lguest-exitless)
#         native           bench/suite.conf run directly on the QEMU-booted
#                          32-bit kernel
#         native-guest     the same on the Linux guest's kernel configuration
#                          booted natively, in the Linux guest's memory
#                          (kernel/i386-native-guest.config)
#         lguest-baseline  bench/lguest-suite.conf's guests under lg.ko
#         lguest-fastpath  the same under the M:012 build of lg.ko
#         lguest-exitless  the same under the exitless build of lg.ko
#         lguest-<build>-direct  that build with direct system calls
#                          (lg.ko's direct_syscalls=1); in meta.json
#   -p  suite profile from bench/suite.conf (default full)
#   -b  VM boots per configuration (default 5); each runs every benchmark.
#       The boots go in rounds, each round one boot of every configuration,
#       the order rotated by one a round, so that a slow spell of the
#       shared host falls on all of them alike
#   -r  measured repetitions per benchmark per boot (default 2)
#   -w  warm-up repetitions per benchmark per boot (default 1)
#   -T  the guest's clock (scripts/vm-run.sh -T): wall (default), where
#       times are the shared host's, or icount, where guest time counts
#       instructions and figures repeat whatever the host's load (TCG only)
#   -i  repetitions per benchmark of the path-length pass (default 3; 0:
#       none): under -T wall on TCG, one more boot per configuration with
#       the guest's clock counting instructions, whose times, halved, are
#       the instructions_* series (vm-run.sh's icount runs 2 ns of guest
#       time per instruction); under -T icount the timed boots give them
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
# repetition), summary.csv (median, min, max per series), ratios.csv,
# raw-icount.csv, boots.csv, perf.csv, meta.json, the figures, and the
# console log and the launcher's results (vm-run.sh -r) of every boot.
#
# The path length: instructions_per_page, instructions_per_op (and
# instructions_per_page_iter, instructions_to_init) in raw.csv and
# summary.csv, from the time series of the icount boots (ns / 2; ms x
# 500000), whose every row is in raw-icount.csv.
#
# ratios.csv (tools/ratios): every configuration's time medians over those
# of each reference (native-guest, native, lguest-baseline, where they
# ran), with a 95 % bootstrap interval that resamples boots.  boots.csv:
# how long each boot took, in seconds of the host's clock and CPU seconds.
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

configs=native,native-guest,lguest-baseline,lguest-fastpath,lguest-exitless profile=full boots=5 reps=2 warmup=1 clock=wall
icount_reps=3 pte_policy=demand-fill tests_log=
root=$TOP/results
while getopts 'c:p:b:r:w:T:i:P:l:o:h' opt; do
	case $opt in
	c) configs=$OPTARG ;;
	p) profile=$OPTARG ;;
	b) boots=$OPTARG ;;
	r) reps=$OPTARG ;;
	w) warmup=$OPTARG ;;
	T) clock=$OPTARG ;;
	i) icount_reps=$OPTARG ;;
	P) pte_policy=$OPTARG ;;
	l) tests_log=$OPTARG ;;
	o) root=$OPTARG ;;
	*) sed -n '3,41s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || die "unexpected argument '$1'"
for n in "$boots" "$reps"; do
	case $n in '' | *[!0-9]* | 0*) die "-b and -r take a positive whole number, not '$n'" ;; esac
done
for n in "$warmup" "$icount_reps"; do
	case $n in '' | *[!0-9]*) die "-w and -i take a whole number, not '$n'" ;; esac
done
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
[ -x "$TOP/build/tools/ratios" ] || die "$TOP/build/tools/ratios missing: run 'make tools'"
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

# The path-length pass: a boot per configuration on the instruction clock,
# unless the timed boots already are (-T icount), or there is no TCG.
icount_pass=no
[ "$clock" = wall ] && [ "$accel" = tcg ] && [ "$icount_reps" -gt 0 ] && icount_pass=yes

# cpu_between BEFORE AFTER: the CPU seconds, user and system, this
# shell's finished children (QEMU among them) used between two outputs of
# the shell's "times" (which must run in this shell, not a subshell).
cpu_between() {
	awk 'FNR == 2 {
		for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s[FILENAME] += t[1] * 60 + t[2] }
		f[++n] = FILENAME
	}
	END { printf "%.1f\n", s[f[2]] - s[f[1]] }' "$1" "$2"
}

# run_boot CONFIG NAME CLOCK JOB [RESULTS]: one VM boot running JOB with
# the guest's clock CLOCK, its console in logs/CONFIG-NAME.log, the
# launcher's results channel into RESULTS, and how long it took in
# boots.csv, in seconds of the host's clock and CPU seconds (on a host
# with a core to spare, nearly the same; on a loaded one, the boot's own
# cost); on the kernel and memory CONFIG needs (suite.sh vm-args); on
# failure, the console's tail.
run_boot() {
	local rc=0 log=$partial/logs/$1-$2.log start vm_args
	read -r -a vm_args <<<"$("$TOP/scripts/suite.sh" vm-args "$1")"
	start=$(date +%s)
	times >"$partial/times.before"
	"$TOP/scripts/vm-run.sh" -q -T "$3" -t 1800 ${vm_args[@]+"${vm_args[@]}"} \
		-l "$log" ${5:+-r "$5"} "$4" || rc=$?
	if [ "$rc" != 0 ]; then
		tail -20 "$log" >&2
		die "$1 $2 failed (vm-run status $rc); console tail above"
	fi
	times >"$partial/times.after"
	echo "$1,$2,$3,$(($(date +%s) - start)),$(cpu_between "$partial/times.before" \
		"$partial/times.after")" >>"$partial/boots.csv"
}

# suite_job CONFIG REPS WARMUP: the job a measuring boot runs: who we
# are, then the suite.
suite_job() {
	echo 'echo "META,guest_kernel,$(uname -r)"'
	echo 'echo "META,guest_cpu,$(sed -n "s/^model name[[:space:]]*: //p" /proc/cpuinfo | head -1)"'
	"$TOP/scripts/suite.sh" jobs "$1" "$profile" "$2" "$3" "$pte_policy"
}

# measure CONFIG CLOCK JOB NAME OFFSET CSV: one boot of CONFIG running JOB,
# its console in logs/CONFIG-NAME.log; its rows, repetitions shifted by
# OFFSET, appended to CSV.
measure() {
	local config=$1 log=$partial/logs/$1-$4.log results=
	# Only the launcher writes results: native runs have none.
	runs_natively "$config" || results=$partial/logs/$config-$4.results
	run_boot "$config" "$4" "$2" "$3" "$results"
	# The guests' own figures from the console, the host's from the
	# launcher's results (benchcsv says why).
	{
		"$benchcsv" extract "$config" "$log" &&
			{ [ -z "$results" ] || "$benchcsv" extract-host "$config" "$results"; }
	} | awk -F, -v OFS=, -v off="$5" '{ $5 += off; print }' >>"$6" ||
		die "could not read results from $log${results:+ and $results}"
}

# verify_rows CSV CONFIG: CONFIG's rows in CSV hold every series it promises.
verify_rows() {
	"$TOP/scripts/suite.sh" expected "$2" >"$partial/expected.txt"
	awk -F, -v c="$2" 'NR == 1 || $1 == c' "$1" >"$partial/rows.csv"
	"$benchcsv" verify "$partial/expected.txt" "$partial/rows.csv" >&2 ||
		die "incomplete results for $2 in $(basename "$1")"
	rm "$partial/expected.txt" "$partial/rows.csv"
}

echo "config,benchmark,metric,unit,rep,value" >"$partial/raw.csv"
echo "config,boot,clock,seconds,cpu_seconds" >"$partial/boots.csv"
for config in "${config_list[@]}"; do
	suite_job "$config" "$reps" "$warmup" >"$partial/job-$config.sh"
done
# The timed boots, in rounds: round b runs every configuration, starting
# b-1 places further along the list.  Boot b's rep r is (b-1)*reps+r.
n=${#config_list[@]}
for boot in $(seq "$boots"); do
	for i in $(seq 0 $((n - 1))); do
		config=${config_list[$(((i + boot - 1) % n))]}
		say "$config: boot $boot of $boots ($profile suite, $reps repetitions)"
		measure "$config" "$clock" "$partial/job-$config.sh" "boot$boot" \
			$(((boot - 1) * reps)) "$partial/raw.csv"
	done
done
for config in "${config_list[@]}"; do
	verify_rows "$partial/raw.csv" "$config"
done

# The path length.  icount's guest clock runs 2 ns a guest instruction
# (vm-run.sh -T icount), so a time halved is the instructions it took.
echo "config,benchmark,metric,unit,rep,value" >"$partial/raw-icount.csv"
if [ "$icount_pass" = yes ]; then
	for config in "${config_list[@]}"; do
		suite_job "$config" "$icount_reps" "$warmup" >"$partial/job-$config.sh"
		say "$config: path-length boot, guest clock counting instructions ($icount_reps repetitions)"
		measure "$config" icount "$partial/job-$config.sh" icount 0 "$partial/raw-icount.csv"
		verify_rows "$partial/raw-icount.csv" "$config"
	done
elif [ "$clock" = icount ]; then
	cp "$partial/raw.csv" "$partial/raw-icount.csv"
fi
awk -F, -v OFS=, 'NR > 1 && $3 ~ /^(ns|ms)_/ {
		$6 = sprintf("%.3f", $6 * ($3 ~ /^ns_/ ? 0.5 : 500000))
		$3 = "instructions_" substr($3, 4)
		$4 = "instructions"
		print
	}' "$partial/raw-icount.csv" >>"$partial/raw.csv"

echo "config,benchmark,event,perf_count,own_count" >"$partial/perf.csv"
for config in "${config_list[@]}"; do
	job=$partial/job-$config.sh
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
		run_boot "$config" perf "$clock" "$job"
		tr -d '\r' <"$log" | sed -n "s/^PERF,/$config,/p" >>"$partial/perf.csv"
		tr -d '\r' <"$log" | sed -n 's/^PERF-UNAVAILABLE,[^,]*,//p' | head -1 >>"$partial/perf-unavailable"
	fi
	rm "$job"
done
"$benchcsv" summarize "$partial/raw.csv" >"$partial/summary.csv"
# The references every configuration is compared with, where they ran.
"$TOP/build/tools/ratios" -b "$reps" -R native-guest,native,lguest-baseline \
	"$partial/raw.csv" >"$partial/ratios.csv" || die "tools/ratios failed"

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
rm -f "$partial/perf-unavailable" "$partial"/times.*
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
# Where the path length came from, and how instructions follow from icount's clock.
conversion="QEMU -icount shift=1,sleep=off: a guest instruction is 2 ns of guest time, so instructions_* = ns_* / 2 (ms_* x 500000); medians in summary.csv"
case $icount_pass/$clock in
yes/*) path_length="one boot per configuration on the instruction clock, $icount_reps repetitions after $warmup warm-up; $conversion" ;;
*/icount) path_length="the timed boots, on the instruction clock; $conversion" ;;
*) path_length="none: no icount pass (-i 0, or $accel, which has no instruction clock)" ;;
esac
mapfile -t pairs < <(results_meta_pairs "$accel")
json_object "${pairs[@]}" accel "$accel" ${tests:+tests "$tests"} guest_kernel "$(meta guest_kernel)" \
	guest_cpu "$(meta guest_cpu)" configs "$configs" profile "$profile" \
	boots "$boots" reps_per_boot "$reps" warmup_per_boot "$warmup" \
	boot_order "in rounds: every configuration once a round, the order rotated by one each round" \
	clock "$clock" icount_reps_per_boot "$icount_reps" path_length "$path_length" \
	ratios "median over the reference's median; 95 % percentile bootstrap interval of 10000 resamples (seed 1), each side's boots drawn with replacement with all their repetitions (tools/ratios)" \
	host_loadavg_before "$load_before" \
	host_loadavg_after "$load_after" host_cores "$(nproc)" \
	host_overloaded "$overloaded" matrix_seconds "$(($(date +%s) - started))" \
	pte_policy "$pte_policy" direct_syscalls "$direct_configs" \
	perf "$perf_status" perf_rows "$perf_rows" \
	perf_disagreements "$perf_disagree" \
	linux_guest_mem_mib 448 ${native_guest[@]+"${native_guest[@]}"} >"$partial/meta.json"

"$TOP/scripts/plot-results.sh" "$partial" || die "plotting failed"
results_publish "$root"
