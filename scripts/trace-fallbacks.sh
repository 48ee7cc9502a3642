#!/bin/bash
# Where the host's page-fault fallbacks come from in the workload: busybox
# built inside the Linux guest (scripts/run-workload.sh), one VM a build of
# lg.ko, with perf stat counting lg.ko's lguest_fastpath_fallback events
# (module/lg_trace.h: reason, cr2) by reason and by whether cr2 is the
# guest kernel's address (at or above LGUEST_PAGE_OFFSET) or user space's.
#
# usage: trace-fallbacks.sh [-c CONFIGS] [-o RESULTS_ROOT] [-W] [TARGET...]
#   -c  comma-separated lguest configurations with the walker (default
#       lguest-exitless; lguest-fastpath, and each -direct, also work)
#   -o  where the results folder goes (default: results/ in the project)
#   -W  the whole build (linked, the binary run) in place of TARGETs
#   TARGET  make targets of busybox's tree (default: libbb/xfuncs.o
#       coreutils/true.o, a few minutes a VM under TCG)
#
# The host VM's kernel has no hist triggers, so perf stat counts one copy
# of the event per reason and side, each with its own tracepoint filter,
# over the guest's whole run (boot included), as the launcher's counters
# do.  Beside them: the host's own fills (lguest_host_fix) by side, and the
# LHCALL_NEW_PGTABLE hypercalls (lguest_hcall).  The host makes no event
# for the shadow page directories it builds, so how many of the page-table
# switches missed its LGUEST_SHADOW_PGDIRS is not counted here.
#
# Writes RESULTS_ROOT/<stamp>-<rev>-fallbacks/: fallbacks.csv
# (config,reason,where,count: where is user or kernel), host-fixes.csv
# (config,where,count), totals.csv (config,counter,traced,module: each
# traced total against the module's counter of the same run, from the
# launcher's LGUEST-COUNTERS line), verdict.txt (whether they all agree),
# meta.json and, in logs/, each VM's console and output.  Exit status 1
# when a VM fails or a total disagrees (the folder is kept then).
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

configs=lguest-exitless root=$TOP/results whole=
while getopts 'c:o:Wh' opt; do
	case $opt in
	c) configs=$OPTARG ;;
	o) root=$OPTARG ;;
	W) whole=1 ;;
	*) sed -n '8,14s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ -n "$whole" ]; then
	[ ${#targets[@]} -eq 0 ] || die "-W takes no targets"
elif [ ${#targets[@]} -eq 0 ]; then
	targets=(libbb/xfuncs.o coreutils/true.o)
fi
IFS=, read -r -a config_list <<<"$configs"
[ ${#config_list[@]} -gt 0 ] || die "no configuration given"
for c in "${config_list[@]}"; do
	case $c in
	lguest-fastpath | lguest-exitless | lguest-fastpath-direct | lguest-exitless-direct) ;;
	*) die "'$c' has no walker to fall back from: lguest-fastpath or lguest-exitless (-direct)" ;;
	esac
done

# The reasons' names, the hypercall's number and the kernel's first
# address, as the module's ABI header has them.
header=$TOP/module/uapi/lguest.h
mapfile -t reasons < <(sed -n '/^enum lguest_fastpath_fallback {/,/^}/s/^\tLGUEST_FP_\([A-Z_]*\),.*/\1/p' \
	"$header" | tr '[:upper:]' '[:lower:]')
new_pgtable=$(awk '/^enum lguest_hcall \{/ { on = 1; next }
	on && /^\tLHCALL_/ { if ($1 ~ /^LHCALL_NEW_PGTABLE,/) print n; n++ }
	on && /^}/ { exit }' "$header")
page_offset=$(sed -n 's/^#define LGUEST_PAGE_OFFSET[[:space:]]*\(0x[0-9A-Fa-f]*\)u$/\1/p' "$header")
[ ${#reasons[@]} -gt 0 ] && [ -n "$new_pgtable" ] && [ -n "$page_offset" ] ||
	die "cannot read the reasons, LHCALL_NEW_PGTABLE or LGUEST_PAGE_OFFSET from $header"

# perf stat's events, in the order it prints them, and a name for each.
events=''
names=()
add_event() {
	events="$events -e lguest:$1 --filter '$2'"
	names+=("$3")
}
for i in "${!reasons[@]}"; do
	add_event lguest_fastpath_fallback "reason == $i && cr2 < $page_offset" "fallback,$i,${reasons[$i]},user"
	add_event lguest_fastpath_fallback "reason == $i && cr2 >= $page_offset" "fallback,$i,${reasons[$i]},kernel"
done
add_event lguest_host_fix "cr2 < $page_offset" "host_fix,,,user"
add_event lguest_host_fix "cr2 >= $page_offset" "host_fix,,,kernel"
add_event lguest_hcall "nr == $new_pgtable" "new_pgtable,,,"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
RESULTS_REV=$(project_rev)
results_begin "$root"
partial=$RESULTS_PARTIAL
mkdir "$partial/logs"
echo config,reason,where,count >"$partial/fallbacks.csv"
echo config,where,count >"$partial/host-fixes.csv"
echo config,counter,traced,module >"$partial/totals.csv"
failed=
for config in "${config_list[@]}"; do
	out=$partial/logs/$config
	say "$config: the build under perf stat ($(date -u +%H:%M:%S))"
	if ! "$TOP/scripts/run-workload.sh" -l "$out.log" -p "perf stat -x, $events --" \
		"$config" "${targets[@]}" >"$out.out"; then
		failed="$failed $config"
		continue
	fi
	# perf's CSV lines (count,unit,event,...) on the console, in order,
	# against the module's counters of the same run.
	tr -d '\r' <"$out.log" | grep -E '^[0-9]+,[^,]*,lguest:' | cut -d, -f1 >"$out.counts"
	counters=$(sed -n 's/^WORKLOAD-COUNTERS //p' "$out.out")
	if [ "$(wc -l <"$out.counts")" -ne ${#names[@]} ] || [ -z "$counters" ]; then
		say "$config: perf printed $(wc -l <"$out.counts") of ${#names[@]} counts, counters: '$counters'"
		failed="$failed $config"
		continue
	fi
	printf '%s\n' "${names[@]}" | paste -d, - "$out.counts" |
		awk -F, -v config="$config" -v counters="$counters" -v dir="$partial" '
		BEGIN {
			n = split(counters, kv, " ")
			for (i = 1; i <= n; i++) {
				split(kv[i], p, "=")
				module[p[1]] = p[2]
			}
		}
		$1 == "fallback" {
			printf "%s,%s,%s,%s\n", config, $3, $4, $5 >>(dir "/fallbacks.csv")
			traced["fastpath_fallback" $2] += $5
			reasons = $2 + 1
		}
		$1 == "host_fix" {
			printf "%s,%s,%s\n", config, $4, $5 >>(dir "/host-fixes.csv")
			traced["faults_fixed"] += $5
		}
		$1 == "new_pgtable" { traced["hcall_new_pgtable"] += $5 }
		END {
			for (i = 0; i < reasons; i++)
				total("fastpath_fallback" i)
			total("faults_fixed")
			total("hcall_new_pgtable")
		}
		function total(c) {
			printf "%s,%s,%d,%d\n", config, c, traced[c], module[c] >>(dir "/totals.csv")
		}'
done

# The verdict: every VM ran, and every traced total is the module's count.
disagree=$(awk -F, 'NR > 1 && $3 != $4 { printf " %s:%s", $1, $2 }' "$partial/totals.csv")
if [ -n "$failed" ]; then
	verdict="fail: the VM failed for$failed"
elif [ -n "$disagree" ]; then
	verdict="fail: traced totals differ from the module's counters for$disagree"
else
	verdict="pass: every traced total equals the module's counter of the same run"
fi
echo "$verdict" >"$partial/verdict.txt"
build_kind=whole
[ -n "$whole" ] || build_kind="reduced: ${targets[*]}"
mapfile -t pairs < <(results_meta_pairs tcg)
json_object "${pairs[@]}" accel "$("$TOP/scripts/probe-accel.sh")" benchmark busybox_build \
	build "$build_kind" targets "${targets[*]:-}" configs "$configs" \
	counted "perf stat over the Linux guest's whole run (boot included): lguest:lguest_fastpath_fallback once per reason and side by tracepoint filter (kernel: cr2 >= $page_offset, LGUEST_PAGE_OFFSET), lguest:lguest_host_fix by side, lguest:lguest_hcall nr == $new_pgtable (LHCALL_NEW_PGTABLE); shadow page directories made: not counted (no event)" \
	wall_clock "the guest's clock under TCG on a shared host: not hardware time" \
	host_loadavg_before "$load_before" host_loadavg_after "$(cut -d' ' -f1-3 /proc/loadavg)" \
	host_cores "$(nproc)" run_seconds "$(($(date +%s) - started))" >"$partial/meta.json"
RESULTS_REV=$RESULTS_REV-fallbacks
results_publish "$root"
say "verdict: $verdict"
case $verdict in pass:*) ;; *) exit 1 ;; esac
