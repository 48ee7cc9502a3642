#!/bin/bash
# Turn the measurements of a workload results folder into its results:
# the verdict on the build's output, the derived rows, the summary.
#
# usage: workload-assemble.sh DIR
#
# DIR holds what scripts/workload-matrix.sh measured (or
# scripts/workload-merge.sh gathered from several folders):
#   measured.csv  config,benchmark,metric,unit,rep,value rows, each
#                 repetition a run: busybox_build's ns_per_build (wall
#                 runs), instructions_per_build (the icount run), the
#                 host's world_switches_per_build and exits by reason per
#                 build, page_faults_per_build and, under lguest,
#                 system_calls_per_build (the guest's word); under
#                 lguest, null_hypercall's instructions_per_op and
#                 world_switches_per_op, on the instruction clock
#   icount-switches.csv  the same header: the icount run's
#                 world_switches_per_build, one row per lguest configuration
#   hashes/CONFIG-RUN.txt  "SHA256 PATH" per object (and ./busybox, for a
#                 whole build) of every run
# and writes:
#   verdict.txt   one line: every run of every configuration built the
#                 same objects (and binary), byte for byte, or why not
#   raw.csv       measured.csv's rows and the derived ones: per wall run,
#                 world switches and each exit reason per second
#                 (*_per_second); per lguest configuration, a null round
#                 trip's instructions (null_hypercall,
#                 instructions_per_round_trip: instructions_per_op over
#                 half its world_switches_per_op, medians) and the Amdahl
#                 bound (busybox_build, amdahl_instructions_per_build: the
#                 path length with every world switch free, that is
#                 instructions_per_build less half the icount run's world
#                 switches times the round trip's instructions)
#   summary.csv   median, min and max of every series (benchcsv summarize)
# Exit status 1, verdict.txt saying why, when the hashes differ or are
# missing: a build that computed something else is no measurement.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") DIR"
dir=$1
header=config,benchmark,metric,unit,rep,value
for f in measured.csv icount-switches.csv; do
	[ "$(head -1 "$dir/$f" 2>/dev/null)" = "$header" ] || die "$dir/$f missing or without its header"
done
benchcsv=$TOP/build/tools/benchcsv
[ -x "$benchcsv" ] || die "$benchcsv missing: run 'make tools'"

# The verdict: every hash file the same as the first.
mapfile -t runs < <(cd "$dir/hashes" 2>/dev/null && ls -- *.txt 2>/dev/null)
[ ${#runs[@]} -gt 0 ] || { echo "no hashes: nothing was built" >"$dir/verdict.txt"; die "no hashes in $dir/hashes"; }
first=$dir/hashes/${runs[0]}
[ -s "$first" ] || { echo "${runs[0]%.txt} hashed nothing" >"$dir/verdict.txt"; die "${runs[0]%.txt} hashed nothing"; }
for run in "${runs[@]}"; do
	cmp -s "$first" "$dir/hashes/$run" && continue
	echo "differ: ${run%.txt} against ${runs[0]%.txt}" >"$dir/verdict.txt"
	diff "$first" "$dir/hashes/$run" | sed 's/^/  /' >&2 || true
	die "${run%.txt} built other bytes than ${runs[0]%.txt} (diff above)"
done
objects=$(grep -c '\.o$' "$first" || true)
binary="no binary (a build of objects only)"
! grep -qE ' (\./)?busybox$' "$first" || binary="the binary, which ran"
configs=$(printf '%s\n' "${runs[@]%-*}" | sort -u | paste -sd' ' -)
echo "identical: $objects objects and $binary, in ${#runs[@]} runs of $configs" >"$dir/verdict.txt"

# The derived rows, after the measured ones.
{
	cat "$dir/measured.csv"
	awk -F, -v OFS=, '
	FNR == 1 { f++; next }
	f == 1 {
		key = $1 SUBSEP $5
		if ($2 == "busybox_build" && $3 == "ns_per_build") ns[key] = $6
		else if ($2 == "busybox_build" && $3 ~ /^(world_switches|exits_[a-z_]+)_per_build$/) {
			n[key, $3] = $6; unit[$3] = $4; keys[key, $3] = 1
		}
		if ($2 == "busybox_build" && $3 == "instructions_per_build") insns[$1] = $6
		if ($2 == "null_hypercall" && $3 == "instructions_per_op") null_i[$1] = null_i[$1] " " $6
		if ($2 == "null_hypercall" && $3 == "world_switches_per_op") null_w[$1] = null_w[$1] " " $6
		next
	}
	$3 == "world_switches_per_build" { switches[$1] = $6 }
	function median(list,    v, k, i, j, t) {
		k = split(list, v, " ")
		for (i = 2; i <= k; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
		return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
	}
	END {
		for (km in keys) {
			split(km, p, SUBSEP)
			if (!((p[1], p[2]) in ns) || ns[p[1], p[2]] <= 0) continue
			m = p[3]; sub(/_per_build$/, "_per_second", m)
			print p[1], "busybox_build", m, unit[p[3]] "_per_second", p[2],
				sprintf("%.3f", n[km] / (ns[p[1], p[2]] / 1e9))
		}
		for (c in null_i) {
			w = median(null_w[c])
			if (w <= 0) continue
			trip = median(null_i[c]) / (w / 2)
			print c, "null_hypercall", "instructions_per_round_trip", "instructions", 1, sprintf("%.3f", trip)
			if (!(c in insns) || !(c in switches)) continue
			print c, "busybox_build", "amdahl_instructions_per_build", "instructions", 1,
				sprintf("%.3f", insns[c] - switches[c] / 2 * trip)
		}
	}' "$dir/measured.csv" "$dir/icount-switches.csv" | sort -t, -k1,3 -k5n
} >"$dir/raw.csv.tmp"
"$benchcsv" summarize "$dir/raw.csv.tmp" >"$dir/summary.csv.tmp" || die "benchcsv summarize failed"
mv "$dir/raw.csv.tmp" "$dir/raw.csv"
mv "$dir/summary.csv.tmp" "$dir/summary.csv"
