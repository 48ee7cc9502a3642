#!/bin/bash
# Count, per benchmark and configuration, what silicon charges for, from
# outside: the instruction-class plugin (tools/insn-plugin) over a run of
# one measured repetition and one of two, each after a warm-up, in the
# icount profile; the difference, over the repetition's N operations, is
# the count per page or per op in the state the matrix measures (memory
# the guest has used before), whatever booting and setting up cost.
#
# usage: event-counts.sh [-c CONFIGS] [-b BENCHMARKS] [-p full|quick] [-o RESULTS_ROOT]
#   -c  comma-separated configurations (default: native,native-guest,
#       lguest-baseline,lguest-fastpath,lguest-exitless;
#       scripts/run-matrix.sh says what each runs)
#   -b  comma-separated benchmarks of bench/suite.conf or
#       bench/lguest-suite.conf (default: page_fault1,cow_fork,
#       lat_syscall_null,null_hypercall,user_fault_notpresent,
#       user_fault_present); a configuration that does not run one
#       (native: the in-guest microbenchmarks) skips it.  Not
#       lat_pagefault: it repeats its passes until they fill a time, so
#       a repetition is not a fixed number of pages
#   -p  the suite profile whose sizes and counts are N (default quick)
#   -o  where results go (default: results/ in the project)
#
# The jobs are scripts/suite.sh's, one benchmark each (SUITE_ONLY), with
# one warm-up and one or two repetitions.  Writes
# RESULTS_ROOT/<YYYYmmdd-HHMMSS>-<rev>/events.csv
# (config,benchmark,event,count_per_unit,unit), meta.json, and in logs/
# each run's console and the plugin's own counts.  An event is a class and
# where it ran: "_switcher" in the Switcher's slot, "_mixed_host_guest"
# everywhere else (the plugin cannot tell the host kernel from the guest's:
# both live at 0xC0000000 and up); stub_entry_switcher counts entries into
# the Switcher's IDT stubs.  The unit is the benchmark's: page (the size's
# pages) or op.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

configs=native,native-guest,lguest-baseline,lguest-fastpath,lguest-exitless
benchmarks=page_fault1,cow_fork,lat_syscall_null,null_hypercall,user_fault_notpresent,user_fault_present
profile=quick root=$TOP/results
while getopts 'c:b:p:o:h' opt; do
	case $opt in
	c) configs=$OPTARG ;;
	b) benchmarks=$OPTARG ;;
	p) profile=$OPTARG ;;
	o) root=$OPTARG ;;
	*) sed -n '3,22s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || die "unexpected argument '$1'"
IFS=, read -r -a config_list <<<"$configs"
IFS=, read -r -a bench_list <<<"$benchmarks"
for c in "${config_list[@]}"; do
	"$TOP/scripts/suite.sh" expected "$c" >/dev/null || exit 1
done
for b in "${bench_list[@]}"; do
	grep -q "^$b[[:space:]]" "$TOP/bench/suite.conf" "$TOP/bench/lguest-suite.conf" ||
		die "unknown benchmark '$b'"
	[ "$b" != lat_pagefault ] ||
		die "lat_pagefault times its passes: a repetition is not a fixed number of pages"
done
"$TOP/scripts/suite.sh" jobs native "$profile" 1 0 >/dev/null || exit 1
[ -f "$TOP/build/insn-plugin/insn-plugin.so" ] || die "no insn-plugin.so: run 'make tools'"

# units JOB: "N page" or "N op", the work the job's benchmark does: a
# guest's ops, or its program's -n count or -s size in pages.
units() {
	local line size
	line=$(grep -m1 -E -- "ops=[0-9]+'|^[a-z_0-9]+ -r [0-9]+ -w [0-9]+ " "$1")
	case $line in
	*ops=*) line=${line#*ops=}; echo "${line%%\'*} op" ;;
	*' -n '*) line=${line#* -n }; echo "${line%% *} op" ;;
	*' -s '*)
		size=${line#* -s }
		size=${size%% *}
		case $size in
		*K) size=$((${size%K} << 10)) ;;
		*M) size=$((${size%M} << 20)) ;;
		*G) size=$((${size%G} << 30)) ;;
		esac
		echo "$((size / 4096)) page" ;;
	*) die "cannot tell how much work this job does: $1" ;;
	esac
}

started=$(date +%s)
RESULTS_REV=$(project_rev)
results_begin "$root"
partial=$RESULTS_PARTIAL
mkdir "$partial/logs"
accel=$("$TOP/scripts/probe-accel.sh")
[ "$accel" = tcg ] || die "the plugin needs TCG, and the probe chose $accel"
echo "config,benchmark,event,count_per_unit,unit" >"$partial/events.csv"
for config in "${config_list[@]}"; do
	for bench in "${bench_list[@]}"; do
		for reps in 1 2; do
			job=$partial/job.sh
			SUITE_ONLY=$bench "$TOP/scripts/suite.sh" jobs "$config" "$profile" $reps 1 >"$job"
			grep -q "BENCH-FAILED $bench " "$job" || continue
			# Where lg.ko put the Switcher, against the plugin's slot.
			runs_natively "$config" ||
				echo "dmesg | grep -o 'lguest: Switcher at [0-9a-fx-]*'" >>"$job"
			if [ $reps = 1 ]; then
				work=$(units "$job")
				n=${work% *} unit=${work#* }
			fi
			run=$partial/logs/$config-$bench-r$reps
			say "$config: $bench, $reps x $n ${unit}s after a warm-up"
			read -r -a vm_args <<<"$("$TOP/scripts/suite.sh" vm-args "$config")"
			"$TOP/scripts/vm-run.sh" -q -T icount -t 3600 ${vm_args[@]+"${vm_args[@]}"} \
				-l "$run.log" -r "$run.results" \
				-p "$("$TOP/scripts/insn-plugin-args.sh" "$run.csv")" "$job" ||
				die "$config $bench -r $reps failed; its console: $run.log"
			slot=$(sed -n 's/^# switcher slot \(0x[0-9a-f]*\)-.*/\1/p' "$run.csv")
			runs_natively "$config" || tr -d '\r' <"$run.log" |
				grep -q "^lguest: Switcher at $slot-" ||
				die "$config: lg.ko's Switcher is not in the plugin's slot $slot"
		done
		[ -f "$partial/logs/$config-$bench-r2.csv" ] || continue
		# Per unit: (count with two repetitions - with one) / N.
		awk -F, -v OFS=, -v c="$config" -v b="$bench" -v n="$n" -v u="$unit" '
			FNR == 1 { f++ }
			/^#/ || $1 == "event" { next }
			f == 1 { one[$1 "_" $2] = $3; next }
			{ printf "%s,%s,%s,%.4f,%s\n", c, b, $1 "_" $2, ($3 - one[$1 "_" $2]) / n, u }
		' "$partial/logs/$config-$bench-r1.csv" "$partial/logs/$config-$bench-r2.csv" \
			>>"$partial/events.csv"
	done
done
rm -f "$partial/job.sh"
[ "$(wc -l <"$partial/events.csv")" -gt 1 ] || die "no benchmark ran: nothing counted"

mapfile -t pairs < <(results_meta_pairs "$accel")
json_object "${pairs[@]}" accel "$accel" clock icount configs "$configs" \
	benchmarks "$benchmarks" profile "$profile" warmup_per_run 1 \
	method "plugin counts with 2 repetitions minus with 1, over one repetition's operations" \
	plugin "tools/insn-plugin, $(sed -n 's/^# //p' "$partial"/logs/*-r1.csv | head -1)" \
	event_seconds "$(($(date +%s) - started))" >"$partial/meta.json"
results_publish "$root"
