#!/bin/bash
# Draw one bar chart per metric from a results directory.
#
# usage: plot-results.sh RESULTS_DIR
#
# Reads RESULTS_DIR/summary.csv (benchcsv summarize output:
# config,benchmark,metric,unit,n,median,min,max) and, if present,
# RESULTS_DIR/meta.json (a flat JSON object of strings; accel, cpu_model or
# else host_cpu, date and git_rev go into a subtitle). Writes
# RESULTS_DIR/<metric>.png and RESULTS_DIR/<metric>.pdf for every metric:
# benchmarks along x, one bar per config (configs in order of first
# appearance, each in the same colour in every figure), bar = median, error
# bar = min..max. A config that lacks a benchmark leaves a gap.  The exits
# by reason of the Linux guest's fault benchmarks (exits_*_per_page) make
# one stacked figure instead, exits_by_reason: per benchmark and lguest
# configuration, the world switches per page each reason costs (2 per
# exit; medians, so the stack may differ a little from the median total,
# world_switches_per_page, drawn as a point).  Each figure
# is written under a temporary name and renamed, so a failure never leaves
# a half-written figure behind.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") RESULTS_DIR"
dir=${1%/}
summary=$dir/summary.csv
meta=$dir/meta.json

[ -d "$dir" ] || die "$dir is not a directory"
[ -f "$summary" ] || die "$summary missing: run benchcsv summarize first"
[ -s "$summary" ] || die "$summary is empty"

. "$(dirname "$0")/gnuplot-common.sh"

# --- pivot ----------------------------------------------------------------
# For metric number i (in order of first appearance): $tmp/m<i>.dat holds
# one line per benchmark with median, min and max for each of the metric's
# configs ('?' where a config lacks the benchmark), and $tmp/m<i>.cfg lists
# those configs with their global index (which picks the colour).
# $tmp/metrics has one line per metric:
#   index metric unit all_nonnegative n_benchmarks n_configs longest_benchmark
#   log_scale
if ! awk -F, -v tmp="$tmp" -v file="$summary" '
function fail(msg) {
	printf "%s:%d: %s\n", file, NR, msg > "/dev/stderr"
	failed = 1
	exit 1
}
BEGIN {
	want = "config,benchmark,metric,unit,n,median,min,max"
	name = "^[A-Za-z0-9_.-]+$"
	num = "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$"
}
{ sub(/\r$/, "") }
NR == 1 {
	if ($0 != want)
		fail("bad header \"" $0 "\", want \"" want "\"")
	next
}
/^[ \t]*$/ { next }
{
	if (NF != 8)
		fail("row has " NF " fields, want 8")
	for (i = 1; i <= 4; i++)
		if ($i !~ name)
			fail("bad name \"" $i "\" in field " i)
	if ($5 !~ /^[1-9][0-9]*$/)
		fail("bad count \"" $5 "\"")
	for (i = 6; i <= 8; i++)
		if ($i !~ num)
			fail("bad number \"" $i "\" in field " i)
	c = $1; b = $2; m = $3
	# Exits by reason are drawn together, in exits_by_reason (below).
	if (m ~ /^(exits_|fastpath_reflected_|exitless_)/)
		next

	if (!(c in cidx)) {
		cidx[c] = ++nc
		cname[nc] = c
	}
	if (!(m in midx)) {
		midx[m] = ++nm
		mname[nm] = m
		munit[nm] = $4
		nonneg[nm] = 1
		positive[nm] = 1
	}
	k = midx[m]
	if (munit[k] != $4)
		fail("metric " m " in unit " $4 " here but " munit[k] " before")
	if (!((k, b) in bidx)) {
		bidx[k, b] = ++nb[k]
		bname[k, nb[k]] = b
	}
	if (!((k, c) in used))
		used[k, c] = 1
	if ((k, b, c) in med)
		fail("second row for " c "," b "," m)
	med[k, b, c] = $6; lo[k, b, c] = $7; hi[k, b, c] = $8
	if ($7 + 0 < 0)
		nonneg[k] = 0
	if ($7 + 0 <= 0)
		positive[k] = 0
	if (!(k in big) || $6 + 0 > big[k])
		big[k] = $6 + 0
	if (!(k in small) || $6 + 0 < small[k])
		small[k] = $6 + 0
}
END {
	if (failed)
		exit 1
	if (!nm) {
		printf "%s: no data rows\n", file > "/dev/stderr"
		exit 1
	}
	for (k = 1; k <= nm; k++) {
		dat = tmp "/m" k ".dat"
		cfg = tmp "/m" k ".cfg"
		n = 0
		for (j = 1; j <= nc; j++)
			if ((k, cname[j]) in used) {
				col[++n] = cname[j]
				printf "%d\t%s\n", j, cname[j] > cfg
			}
		close(cfg)
		longest = 0
		for (i = 1; i <= nb[k]; i++) {
			b = bname[k, i]
			if (length(b) > longest)
				longest = length(b)
			line = b
			for (j = 1; j <= n; j++) {
				if ((k, b, col[j]) in med)
					line = line "\t" med[k, b, col[j]] "\t" lo[k, b, col[j]] "\t" hi[k, b, col[j]]
				else
					line = line "\t?\t?\t?"
			}
			print line > dat
		}
		close(dat)
		# Medians spanning more than two decades (a null syscall next
		# to a fork) would leave the small bars invisible: use a log
		# axis then, which only works when every value is positive.
		logy = positive[k] && big[k] > 100 * small[k]
		printf "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\n", k, mname[k], munit[k], nonneg[k], nb[k], n, longest, logy > (tmp "/metrics")
	}
}' "$summary" 2>"$tmp/pivot.err"; then
	die "$(cat "$tmp/pivot.err")"
fi

[ -f "$meta" ] || say "note: $meta missing, plotting without a subtitle"

# --- one figure per metric ------------------------------------------------
while IFS=$'\t' read -r k metric unit nonneg nbench ncfg longest logy; do
	# Room for every cluster of bars, and rotated labels when the
	# benchmark names are wider than their cluster.
	width=$((160 + nbench * (ncfg + 1) * 36))
	[ "$width" -ge 800 ] || width=800
	cluster=$(((width - 160) / nbench))
	rotate=0
	height=560
	if [ $((longest * 7)) -gt "$cluster" ]; then
		rotate=1
		# Rotated by 30 degrees a label takes half its length in height.
		height=$((560 + longest * 7 / 2))
	fi

	plot=
	col=2
	while IFS=$'\t' read -r gi cname; do
		c=${colours[$(((gi - 1) % ${#colours[@]}))]}
		spec="'$tmp/m$k.dat' using $col:$((col + 1)):$((col + 2))"
		[ "$col" -ne 2 ] || spec="$spec:xtic(1)"
		plot="${plot:+$plot, }$spec title $(gpq "$cname") lc rgb '#${c#0x}'"
		col=$((col + 3))
	done <"$tmp/m$k.cfg"

	{
		echo "set datafile separator tab"
		echo "set datafile missing '?'"
		echo "set style data histogram"
		echo "set style histogram errorbars gap 1 lw 1.2"
		echo "set style fill solid 0.85 border rgb '#333333'"
		echo "set boxwidth 0.9"
		echo "set bars front"
		echo "set title $(gpq "$metric") font ',14' offset 0,1.2"
		if [ -n "$subtitle" ]; then
			echo "set label 1 $(gpq "$subtitle") at graph 0.5, graph 1 center offset 0,1.1 font ',8' textcolor rgb '#555555'"
		fi
		echo "set tmargin 5"
		if [ "$logy" = 1 ]; then
			echo "set logscale y"
			echo "set ylabel $(gpq "$metric [$unit], log scale")"
		else
			echo "set ylabel $(gpq "$metric [$unit]")"
		fi
		# Room above (and below, for negative values), so that no
		# error bar ends on the frame.
		if [ "$nonneg" = 1 ]; then
			echo "set offsets 0, 0, graph 0.05, 0"
		else
			echo "set offsets 0, 0, graph 0.05, graph 0.05"
		fi
		echo "set grid ytics lc rgb '#dddddd' lt 1"
		echo "set xtics nomirror scale 0"
		echo "set ytics nomirror"
		echo "set border 3"
		echo "set key below horizontal reverse Left samplen 2 width 3"
		if [ "$rotate" = 1 ]; then
			echo "set xtics rotate by 30 right"
		fi
		# Bars start at zero unless there is something below it.
		if [ "$nonneg" = 1 ] && [ "$logy" = 0 ]; then
			echo "set yrange [0:*]"
		fi
	} >"$tmp/m$k.gp"
	render "$metric" "$width" "$height" "$tmp/m$k.gp" "$plot"
done <"$tmp/metrics"

# --- world switches per page by reason ------------------------------------
reasons="fault_fixed fault_reflected hcall_set_pte hcall_other irq syscall trap_other"
awk -F, -v reasons="$reasons" '
BEGIN { n = split(reasons, r, " ") }
NR > 1 && $3 ~ /_per_page$/ && ($3 ~ /^exits_/ || $3 == "world_switches_per_page") {
	key = $2 " " $1
	if (!($2 in bseen)) { bseen[$2] = 1; border[++nb] = $2 }
	if (!($1 in cseen)) { cseen[$1] = 1; corder[++nc] = $1 }
	val[key, $3] = $6
}
END {
	# Grouped by benchmark, so each build stands beside the other.
	for (b = 1; b <= nb; b++)
	for (c = 1; c <= nc; c++) {
		k = border[b] " " corder[c]
		if (!((k, "world_switches_per_page") in val))
			continue
		split(k, bc, " ")
		line = bc[1] " (" bc[2] ")"
		for (j = 1; j <= n; j++)
			line = line "\t" 2 * val[k, "exits_" r[j] "_per_page"]
		print line "\t" val[k, "world_switches_per_page"]
	}
}' "$summary" >"$tmp/exits.dat"
if [ -s "$tmp/exits.dat" ]; then
	nrows=$(wc -l <"$tmp/exits.dat")
	width=$((300 + nrows * 48))
	plot= col=2
	for reason in $reasons; do
		c=${colours[$(((col - 2) % ${#colours[@]}))]}
		spec="'$tmp/exits.dat' using $col"
		[ "$col" -ne 2 ] || spec="$spec:xtic(1)"
		plot="${plot:+$plot, }$spec title $(gpq "$reason") lc rgb '#${c#0x}'"
		col=$((col + 1))
	done
	plot="$plot, '$tmp/exits.dat' using 0:$col with points pt 7 ps 0.8 lc rgb '#000000' title 'world_switches_per_page'"
	{
		echo "set datafile separator tab"
		echo "set style data histogram"
		echo "set style histogram rowstacked"
		echo "set style fill solid 0.85 border rgb '#333333'"
		echo "set boxwidth 0.7"
		echo "set title 'world switches per page by reason (Linux guest)' font ',14' offset 0,1.2"
		if [ -n "$subtitle" ]; then
			echo "set label 1 $(gpq "$subtitle") at graph 0.5, graph 1 center offset 0,1.1 font ',8' textcolor rgb '#555555'"
		fi
		echo "set tmargin 5"
		echo "set lmargin 16"
		echo "set ylabel 'world switches per page (2 per exit)'"
		echo "set yrange [0:*]"
		echo "set offsets 0, 0, graph 0.05, 0"
		echo "set grid ytics lc rgb '#dddddd' lt 1"
		echo "set xtics nomirror scale 0 rotate by 30 right"
		echo "set ytics nomirror"
		echo "set border 3"
		echo "set key below horizontal reverse Left samplen 2 width 3"
	} >"$tmp/exits.gp"
	render exits_by_reason "$width" 720 "$tmp/exits.gp" "$plot"
fi
