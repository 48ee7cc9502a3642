#!/bin/bash
# End to end: boot the kernel, run a quick pass of every benchmark of every
# configuration but native-guest (native, lguest-baseline, lguest-fastpath,
# lguest-exitless; test_native_guest.sh runs that one) through the matrix
# runner, and
# check the results folder it writes: every expected series present with
# finite positive values, the exact summary header, complete metadata, the
# figures, kernel logs free of oopses and warnings, perf's counts equal
# to the module's and getrusage's, the path length of one boot on the
# instruction clock, and the ratios between configurations.
. "$(dirname "$0")/../lib.sh"
scratch
check "the matrix runs" "$TOP/scripts/run-matrix.sh" -o "$SCRATCH" \
	-c native,lguest-baseline,lguest-fastpath,lguest-exitless -p quick -b 1 -r 2 -w 1 -i 1 >/dev/null
[ "$failures" = 0 ] || finish
dirs=$(find "$SCRATCH" -mindepth 1 -maxdepth 1)
check "exactly one results folder, nothing partial" [ "$(echo "$dirs" | wc -l)" = 1 ]
r=$dirs
case $(basename "$r") in
[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]-*) checks=$((checks + 1)) ;;
*) fail "folder name $(basename "$r") is not <YYYYmmdd-HHMMSS>-<rev>" ;;
esac

configs="native lguest-baseline lguest-fastpath lguest-exitless"
for c in $configs; do
	"$TOP/scripts/suite.sh" expected "$c" >"$SCRATCH/expected-$c"
	awk -F, -v c="$c" 'NR == 1 || $1 == c' "$r/raw.csv" >"$SCRATCH/rows-$c"
	check "$c: every expected series present, finite, positive" \
		"$BUILD/tools/benchcsv" verify "$SCRATCH/expected-$c" "$SCRATCH/rows-$c"
done
cat "$SCRATCH"/expected-* >"$SCRATCH/expected"
check "raw.csv header" [ "$(head -1 "$r/raw.csv")" = "config,benchmark,metric,unit,rep,value" ]
check "summary.csv header" [ "$(head -1 "$r/summary.csv")" = "config,benchmark,metric,unit,n,median,min,max" ]
# The path length: for every time series an instructions_* one, from the
# one repetition of the icount boot.
times=$(grep -c ',\(ns\|ms\)_' "$SCRATCH/expected")
check "one summary row per series, and one per time series for its path length" \
	[ "$(($(wc -l <"$r/summary.csv") - 1))" = "$(($(wc -l <"$SCRATCH/expected") + times))" ]
check "two repetitions per series (the Linux guest's boot time: one a boot)" \
	[ -z "$(awk -F, 'NR > 1 && $3 !~ /^instructions_/ && $5 != ($2 == "linux_boot" ? 1 : 2)' "$r/summary.csv")" ]
check "the path length: one repetition of each time series, in instructions" \
	[ "$(awk -F, '$3 ~ /^instructions_/ && $4 == "instructions" && $5 == 1' "$r/summary.csv" | wc -l)" = "$times" ]
check "raw-icount.csv: the icount boot's own rows" \
	[ "$(awk -F, 'NR > 1 && $1 == "lguest-exitless" && $3 ~ /^world_switches_/' "$r/raw-icount.csv" | wc -l)" -gt 0 ]
check "meta.json says how instructions follow from icount's clock" \
	grep -q '"path_length": "one boot per configuration on the instruction clock.*2 ns' "$r/meta.json"
check "boots.csv: the timed, icount and counting boots of each configuration" \
	[ "$(awk -F, 'NR > 1 && $4 ~ /^[0-9]+$/ && $5 > 0' "$r/boots.csv" | wc -l)" = 12 ]
for key in git_rev kernel_pkg_version qemu_version accel cpu_model date host_cpu guest_kernel; do
	check "meta.json has a non-empty $key" grep -qE "\"$key\": \"[^\"]+\"" "$r/meta.json"
done
check "meta.json names the accelerator" grep -qE '"accel": "(tcg|kvm)"' "$r/meta.json"
for metric in ns_per_page minflt_per_page ns_per_op world_switches_per_op; do
	for ext in png pdf; do
		check "figure $metric.$ext" [ -s "$r/$metric.$ext" ]
	done
done
for c in $configs; do
	log=$r/logs/$c-boot1.log
	check "$c: console log kept" [ -s "$log" ]
	refute "$c: kernel log free of oops/BUG/WARNING" grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$log"
done
# World switches are counts, not timings: the null hypercall is one exit
# and one entry; a not-present user fault is two round trips in the
# baseline (the fault, then SET_PTE) and one with the fastpath.  A stray
# host timer interrupt adds a little.
series() { # series CONFIG BENCHMARK METRIC: its median
	awk -F, -v c="$1" -v b="$2" -v m="$3" '$1 == c && $2 == b && $3 == m { print $6 }' "$r/summary.csv"
}
median() { # median CONFIG BENCHMARK: world switches per op
	series "$1" "$2" world_switches_per_op
}
for c in lguest-baseline lguest-fastpath lguest-exitless; do
	check "$c: null_hypercall costs 2 world switches ($(median $c null_hypercall))" \
		in_range "$(median $c null_hypercall)" 2 2.1
	# A round trip is about a thousand instructions in every build.
	n=$(series $c null_hypercall instructions_per_op)
	check "$c: null_hypercall's path length is 800 to 1500 instructions ($n)" in_range "$n" 800 1500
done

# ratios.csv: every lguest configuration's times over native's, the
# fastpath's and exitless build's over the baseline's; with one boot a
# side the interval is the ratio itself.
check "ratios.csv header" [ "$(head -1 "$r/ratios.csv")" = "benchmark,metric,config,reference,ratio,ci_low,ci_high" ]
native_times=$(grep -c ',\(ns\|ms\)_' "$SCRATCH/expected-native")
for c in lguest-baseline lguest-fastpath lguest-exitless; do
	check "ratios.csv: $c against native, every native time series" \
		[ "$(awk -F, -v c="$c" '$3 == c && $4 == "native"' "$r/ratios.csv" | wc -l)" = "$native_times" ]
done
for c in lguest-fastpath lguest-exitless; do
	check "ratios.csv: $c against the baseline, every time series" \
		[ "$(awk -F, -v c="$c" '$3 == c && $4 == "lguest-baseline"' "$r/ratios.csv" | wc -l)" = \
		"$(grep -c ',\(ns\|ms\)_' "$SCRATCH/expected-$c")" ]
done
check "ratios.csv: one boot a side, each interval the ratio itself" \
	awk -F, 'NR > 1 { n++; if (!($5 > 0 && $5 == $6 && $5 == $7)) { print "off: " $0; bad++ } }
		END { exit !(n > 0 && !bad) }' "$r/ratios.csv"
# ws CONFIG BENCHMARK LOW HIGH: its world switches per op in [LOW, HIGH).
ws() {
	check "$1: $2 costs $3 world switches ($(median "$1" "$2"))" \
		in_range "$(median "$1" "$2")" "$3" "$4"
}
# First touch of a page the guest has not mapped: 4, 2, 0.
ws lguest-baseline user_fault_notpresent 4 4.3
ws lguest-fastpath user_fault_notpresent 2 2.3
ws lguest-exitless user_fault_notpresent 0 0.3
# A page the guest has mapped and the shadow lacks: the host's, then none.
ws lguest-baseline user_fault_present 2 2.3
ws lguest-fastpath user_fault_present 2 2.3
ws lguest-exitless user_fault_present 0 0.3
# Copy-on-write: the fault and the SET_PTE, each a round trip or none.
ws lguest-baseline user_fault_cow 4 4.3
ws lguest-fastpath user_fault_cow 2 2.3
ws lguest-exitless user_fault_cow 0 0.3

# The same in the Linux guest, for a real process: page_fault1's first
# touch of each anonymous page.  Under the baseline the fault is reflected
# by the host and the retried access filled by it (2 exits, 4 switches);
# under the fastpath the Switcher reflects and only the fill is an exit.
per_page() { # per_page CONFIG METRIC, of page_fault1
	series "$1" page_fault1 "$2"
}
ws_b=$(per_page lguest-baseline world_switches_per_page)
ws_f=$(per_page lguest-fastpath world_switches_per_page)
check "Linux guest, baseline: page_fault1 costs 4 world switches a page ($ws_b)" in_range "$ws_b" 4 4.5
check "Linux guest, fastpath: page_fault1 costs 2 world switches a page ($ws_f)" in_range "$ws_f" 2 2.5
# Exitless: the Switcher reflects the fault and fills the retried access's
# entry; only a 4 MiB region's first fault (no shadow page table yet after
# munmap's flush) and the odd timer tick still go to the host.
ws_x=$(per_page lguest-exitless world_switches_per_page)
check "Linux guest, exitless: page_fault1 costs under 0.5 world switches a page ($ws_x)" in_range "$ws_x" 0 0.5
check "Linux guest, exitless: one fill a page by the Switcher" \
	in_range "$(per_page lguest-exitless exitless_fills_per_page)" 0.9 1.02
check "Linux guest, exitless: one fault a page reflected by the Switcher" \
	in_range "$(per_page lguest-exitless fastpath_reflected_per_page)" 0.98 1.02
check "Linux guest, baseline: one fault a page reflected by the host" \
	in_range "$(per_page lguest-baseline exits_fault_reflected_per_page)" 0.98 1.02
check "Linux guest, fastpath: one fault a page reflected by the Switcher" \
	in_range "$(per_page lguest-fastpath fastpath_reflected_per_page)" 0.98 1.02
check "Linux guest, fastpath: no fault reflected by the host" \
	in_range "$(per_page lguest-fastpath exits_fault_reflected_per_page)" 0 0.02
# Copy-on-write after fork: the write to a page the guest maps read-only
# is the guest's fault; the fastpath's walker reflects it too.
check "Linux guest, baseline: cow_fork's faults reflected by the host" \
	in_range "$(series lguest-baseline cow_fork exits_fault_reflected_per_page)" 0.98 1.05
check "Linux guest, fastpath: cow_fork's faults reflected by the Switcher" \
	in_range "$(series lguest-fastpath cow_fork fastpath_reflected_per_page)" 0.98 1.05
# Every repetition's exits by reason add up to its world switches (2 per
# exit), each printed to 3 decimals (the in-guest microbenchmarks have no
# exits by reason).
check "Linux guest: the exits by reason account for every world switch" awk -F, '
	$1 ~ /^lguest-/ && $3 ~ /^(world_switches|exits_)/ && $3 ~ /_per_(page|op)$/ {
		k = $1 "," $2 "," $5
		if ($3 ~ /^world_switches/) ws[k] = $6; else sum[k] += 2 * $6
	}
	END {
		for (k in sum) { n++; d = ws[k] - sum[k]; if (d > 0.02 || d < -0.02) { print "off: " k; bad++ } }
		exit !(n > 0 && !bad)
	}' "$r/raw.csv"
check "figure exits_by_reason" [ -s "$r/exits_by_reason.png" -a -s "$r/exits_by_reason.pdf" ]

# perf, from outside the module: every count perf took agrees exactly with
# the module's counters (lguest) or getrusage's (native), and there is a
# row for every event of every run.
check "perf.csv header" [ "$(head -1 "$r/perf.csv")" = "config,benchmark,event,perf_count,own_count" ]
check "meta.json names perf's version" grep -qE '"perf": "perf version [0-9]' "$r/meta.json"
check "meta.json: perf disagreed nowhere" grep -q '"perf_disagreements": "0"' "$r/meta.json"
check "perf's counts equal the module's and getrusage's, row by row" \
	awk -F, 'NR > 1 { n++; if ($4 != $5 || $4 !~ /^[0-9]+$/) { print "differs: " $0; bad++ } }
		END { exit !(n > 0 && !bad) }' "$r/perf.csv"
rows() { # rows CONFIG: perf.csv's rows of it
	awk -F, -v c="$1" 'NR > 1 && $1 == c' "$r/perf.csv" | wc -l
}
programs=$(grep -cv '^[[:space:]]*\(#\|$\)' "$TOP/bench/suite.conf")
guests=$(grep -cv '^[[:space:]]*\(#\|$\)' "$TOP/bench/lguest-suite.conf")
check "native: page-faults and minor-faults for each of $programs programs" [ "$(rows native)" = $((2 * programs)) ]
for c in lguest-baseline lguest-fastpath lguest-exitless; do
	check "$c: 9 events for each of $guests guests and the Linux guest" [ "$(rows "$c")" = $((9 * (guests + 1))) ]
done
perf_count() { # perf_count CONFIG BENCHMARK EVENT: perf's count
	awk -F, -v c="$1" -v b="$2" -v e="$3" '$1 == c && $2 == b && $3 == e { print $4 }' "$r/perf.csv"
}
positive() { # positive WHAT CONFIG BENCHMARK EVENT
	local n
	n=$(perf_count "$2" "$3" "$4")
	check "$1 ($4: $n)" [ "${n:-0}" -gt 0 ]
}
positive "native: perf saw page_fault1's faults" native page_fault1 minor-faults
positive "baseline: perf saw the host reflect the Linux guest's faults" lguest-baseline linux-guest lguest:lguest_host_reflect
positive "fastpath: perf saw the walker's reflections" lguest-fastpath user_fault_notpresent lguest:lguest_fastpath_reflect
positive "exitless: perf saw the Switcher's fills" lguest-exitless linux-guest lguest:lguest_exitless_fill
positive "exitless: perf saw the Switcher's SET_PTEs" lguest-exitless user_fault_notpresent lguest:lguest_exitless_set_pte
finish
