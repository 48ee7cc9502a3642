#!/bin/bash
# Project a results folder's path lengths and event counts to cycles on a
# real CPU: a projection through a cost model, never a measurement
# (docs/projection.md).
#
# usage: project-cycles.sh [-m MODEL] RESULTS_DIR
#
# Reads RESULTS_DIR/summary.csv (its instructions_per_page and
# instructions_per_op rows, from the icount pass) and RESULTS_DIR/events.csv
# (the TCG plugin's counts), prices them with MODEL (default
# bench/cycle-model.csv) through build/tools/cycle-projection, and writes
# into RESULTS_DIR:
#   projection.csv    config,benchmark,unit,cycles_low,cycles_high
#   sensitivity.csv   per config and benchmark, how far each model row
#                     alone moves the result, the largest first
#   projection_cycles_per_<unit>.png and .pdf   low..high per benchmark
#                     and configuration, one figure per unit
set -eu
. "$(dirname "$0")/common.sh"

model=$TOP/bench/cycle-model.csv
while getopts 'm:h' opt; do
	case $opt in
	m) model=$OPTARG ;;
	*) sed -n '5,17s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { sed -n '5,17s/^# \{0,1\}//p' "$0" >&2; exit 2; }
dir=${1%/}
summary=$dir/summary.csv
events=$dir/events.csv
meta=$dir/meta.json
tool=$TOP/build/tools/cycle-projection

[ -d "$dir" ] || die "$dir is not a directory"
[ -f "$model" ] || die "$model missing"
[ -f "$summary" ] || die "$summary missing: not a results folder"
grep -q '^[^,]*,[^,]*,instructions_per_' "$summary" ||
	die "$summary has no path lengths (instructions_per_page or instructions_per_op): run the icount pass first"
[ -f "$events" ] || die "$events missing: run the TCG plugin's pass first"
[ -x "$tool" ] || die "$tool missing: run 'make tools'"

. "$(dirname "$0")/gnuplot-common.sh"

# --- events by class ----------------------------------------------------
# The plugin counts each class twice, in the Switcher's slot (_switcher)
# and outside it (_mixed_host_guest: host and guest kernels and user
# space), and every stub entry also by vector (stub_entry_<N>_switcher).
# The path length spans all of it, so the model prices a class's sum; a
# Switcher stub entry is a trap delivery (trap_entry), and the per-vector
# counts only split that total.  A native kernel's own exception
# deliveries pass through no Switcher stub and are not counted: they go
# unpriced, which flatters native, not lguest (docs/projection.md).
# Counting by difference of two boots leaves noise of about 1 % (see
# events.csv's meta.json); a class that sums to a little below zero (down
# to -0.05 per unit) counts as 0, said on stderr, and anything lower is
# left for the tool to refuse.
awk -F, -v OFS=, '
NR == 1 { print; next }
/^#/ { next }
{
	e = $3
	if (e ~ /^stub_entry_[0-9]+_switcher$/)
		next
	if (e == "stub_entry_switcher")
		e = "trap_entry"
	else
		sub(/_(switcher|mixed_host_guest)$/, "", e)
	k = $1 OFS $2 OFS e OFS $5
	if (!(k in sum))
		order[++n] = k
	sum[k] += $4
}
END {
	for (i = 1; i <= n; i++) {
		split(order[i], f, OFS)
		v = sum[order[i]]
		if (v < 0 && v >= -0.05) {
			clamped++
			v = 0
		}
		print f[1], f[2], f[3], v, f[4]
	}
	if (clamped)
		printf "project-cycles.sh: %d counts a little below zero (noise of counting by difference) taken as 0\n", clamped >"/dev/stderr"
}' "$events" >"$tmp/events-by-class.csv"

"$tool" "$model" "$summary" "$tmp/events-by-class.csv" "$dir" || die "no projection made"
say "wrote $dir/projection.csv $dir/sensitivity.csv"

# --- pivot ------------------------------------------------------------------
# For every unit: $tmp/<unit>.dat holds one line per benchmark, its index
# and name, then cycles_low and cycles_high for each config of
# $tmp/<unit>.cfg ('?' where a config lacks the benchmark), which lists
# those configs with their index in summary.csv's order (the colour
# plot-results.sh gives them).  $tmp/units has one line per unit: the unit,
# the number of benchmarks and configs, the longest benchmark name and
# whether a log axis is needed.
awk -F, -v tmp="$tmp" '
FNR == 1 { file++ }
file == 1 {
	if (FNR > 1 && !($1 in gidx))
		gidx[$1] = ++ng
	next
}
/^#/ || $1 == "config" { next }
{
	c = $1; b = $2; u = $3
	if (!(u in useen)) { useen[u] = 1; uname[++nu] = u }
	if (!((u, c) in cseen)) { cseen[u, c] = 1; cname[u, ++nc[u]] = c }
	if (!((u, b) in bseen)) { bseen[u, b] = 1; bname[u, ++nb[u]] = b }
	lo[u, b, c] = $4; hi[u, b, c] = $5
	if (!(u in small) || $4 + 0 < small[u]) small[u] = $4 + 0
	if (!(u in big) || $5 + 0 > big[u]) big[u] = $5 + 0
}
END {
	for (k = 1; k <= nu; k++) {
		u = uname[k]
		longest = 0
		for (j = 1; j <= nc[u]; j++)
			printf "%d\t%s\n", gidx[cname[u, j]], cname[u, j] > (tmp "/" u ".cfg")
		for (i = 1; i <= nb[u]; i++) {
			b = bname[u, i]
			if (length(b) > longest)
				longest = length(b)
			line = i "\t" b
			for (j = 1; j <= nc[u]; j++) {
				c = cname[u, j]
				if ((u, b, c) in lo)
					line = line "\t" lo[u, b, c] "\t" hi[u, b, c]
				else
					line = line "\t?\t?"
			}
			print line > (tmp "/" u ".dat")
		}
		logy = small[u] > 0 && big[u] > 100 * small[u]
		printf "%s\t%d\t%d\t%d\t%d\n", u, nb[u], nc[u], longest, logy > (tmp "/units")
	}
}' "$summary" "$dir/projection.csv"

# --- one figure per unit ----------------------------------------------------
# Each configuration's range is a box from cycles_low to cycles_high, side
# by side within a benchmark's cluster: a range, not a measured bar.
while IFS=$'\t' read -r unit nbench ncfg longest logy; do
	width=$((160 + nbench * (ncfg + 1) * 36))
	[ "$width" -ge 800 ] || width=800
	height=$((560 + longest * 7 / 2))
	box=$(awk -v n="$ncfg" 'BEGIN { printf "%.4f", 0.8 / n }')
	plot= col=3 j=0
	while IFS=$'\t' read -r gi cname; do
		c=${colours[$(((gi - 1) % ${#colours[@]}))]}
		x="(\$1 + $box * ($j - ($ncfg - 1) / 2.0))"
		spec="'$tmp/$unit.dat' using $x:$col:$col:$((col + 1)):$((col + 1))"
		plot="${plot:+$plot, }$spec with candlesticks title $(gpq "$cname") lc rgb '#${c#0x}'"
		col=$((col + 2)) j=$((j + 1))
	done <"$tmp/$unit.cfg"
	tics=$(awk -F'\t' '{ printf "%s\"%s\" %d", (NR > 1 ? ", " : ""), $2, $1 }' "$tmp/$unit.dat")
	{
		echo "set datafile separator tab"
		echo "set datafile missing '?'"
		echo "set style fill solid 0.85 border rgb '#333333'"
		echo "set boxwidth $box"
		echo "set title $(gpq "projected cycles per $unit (a projection, not a measurement)") font ',14' offset 0,1.2"
		if [ -n "$subtitle" ]; then
			echo "set label 1 $(gpq "$subtitle   |   model: $(basename "$model")") at graph 0.5, graph 1 center offset 0,1.1 font ',8' textcolor rgb '#555555'"
		fi
		echo "set tmargin 5"
		if [ "$logy" = 1 ]; then
			echo "set logscale y"
			echo "set ylabel $(gpq "projected cycles per $unit, low..high, log scale")"
		else
			echo "set ylabel $(gpq "projected cycles per $unit, low..high")"
			echo "set yrange [0:*]"
		fi
		echo "set xrange [0.5:$nbench.5]"
		echo "set offsets 0, 0, graph 0.05, 0"
		echo "set grid ytics lc rgb '#dddddd' lt 1"
		echo "set xtics ($tics) nomirror scale 0 rotate by 30 right"
		echo "set ytics nomirror"
		echo "set border 3"
		echo "set key below horizontal reverse Left samplen 2 width 3"
	} >"$tmp/$unit.gp"
	render "projection_cycles_per_$unit" "$width" "$height" "$tmp/$unit.gp" "$plot"
done <"$tmp/units"
