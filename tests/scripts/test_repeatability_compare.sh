#!/bin/bash
# scripts/repeatability-compare.sh, the verdict of scripts/repeatability.sh,
# on small summary.csv fixtures: a difference one event a repetition can
# make (the count floor) passes, a real one fails, whatever its size in
# relative terms; path lengths are judged relatively; a series either run
# lacks fails; times are not judged.
. "$(dirname "$0")/../lib.sh"
scratch
cmp_script=$TOP/scripts/repeatability-compare.sh
units=$SCRATCH/units
printf '%s\n' 'page_fault1 32768 page' 'cow_fork 1024 page' 'lat_mmap 5 op' >"$units"

# run NAME ROWS...: a summary.csv with these "config,benchmark,metric,unit,median"
# rows, each with ",min,max" after it or min and max the median.
run() {
	local name=$1 row
	shift
	echo "config,benchmark,metric,unit,n,median,min,max" >"$SCRATCH/$name.csv"
	for row in "$@"; do
		IFS=, read -r c b m u v lo hi <<<"$row"
		echo "$c,$b,$m,$u,3,$v,${lo:-$v},${hi:-$v}" >>"$SCRATCH/$name.csv"
	done
}
# judge A B: compare the two fixtures into $SCRATCH/out.csv, return its status.
judge() {
	"$cmp_script" "$SCRATCH/$1.csv" "$SCRATCH/$2.csv" "$units" >"$SCRATCH/out.csv"
}
# verdict_of METRIC [COLUMN]: the verdict (or COLUMN) of that metric's row
# in out.csv.
verdict_of() {
	awk -F, -v m="$1" -v c="${2:-10}" '$3 == m { print $c }' "$SCRATCH/out.csv"
}

path='lguest-exitless,page_fault1,instructions_per_page,instructions'
switches='lguest-exitless,page_fault1,world_switches_per_page,switches'
run a "$path,2684.8" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.000" "native,cow_fork,ns_per_page,ns,1000"

run b "$path,2684.8" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.000" "native,cow_fork,ns_per_page,ns,1000"
expect_status 0 "identical runs pass" judge a b
check "identical runs: every judged series the same" \
	[ "$(awk -F, 'NR > 1 && $10 != "same" && $10 != "unjudged"' "$SCRATCH/out.csv")" = "" ]

# One event a repetition: 1/32768 a page, printed 0.001 apart (3.4 %
# relatively); 1/5 an operation.  Times far apart are not judged.
run b "$path,2684.8" "$switches,0.030" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.200" "native,cow_fork,ns_per_page,ns,2000"
expect_status 0 "differences of one event a repetition pass" judge a b
check "0.029 against 0.030 switches a page of 32768: within the floor" [ "$(verdict_of world_switches_per_page | head -1)" = within ]
check "0 against 0.2 exits an operation of 5: within the floor" [ "$(verdict_of exits_irq_per_op)" = within ]
check "times are not judged" [ "$(verdict_of ns_per_page)" = unjudged ]

# Two events a repetition are not one.
run b "$path,2684.8" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.400" "native,cow_fork,ns_per_page,ns,1000"
expect_status 1 "two events an operation of 5 fail" judge a b
check "0 against 0.4 exits an operation: OUTSIDE" [ "$(verdict_of exits_irq_per_op)" = OUTSIDE ]

# cow_fork's two states: 6.043 against 10.176 switches a page.
run b "$path,2684.8" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,10.176" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.000" "native,cow_fork,ns_per_page,ns,1000"
expect_status 1 "a real difference in switches fails" judge a b
check "6.043 against 10.176: OUTSIDE" \
	grep -q '^lguest-baseline,cow_fork,world_switches_per_page,.*,OUTSIDE,' "$SCRATCH/out.csv"

# Repetitions within each run two events a page apart (cow_fork's two
# states, 1.005 and 3.059 host-fixed faults a page): the runs agree, and
# the series is reported as in more than one state; half an event a page
# apart is not.
run a2 "$path,2684.8" "lguest-baseline,cow_fork,exits_fault_fixed_per_page,exits,1.005,1.005,3.059" \
	"lguest-baseline,cow_fork,exits_irq_per_page,exits,0.003,0.001,0.503"
expect_status 0 "repetitions in two states, the same in both runs, pass" judge a2 a2
check "two events a page apart: in more than one state" [ "$(verdict_of exits_fault_fixed_per_page 12)" = yes ]
check "half an event a page apart: not" [ "$(verdict_of exits_irq_per_page 12)" = no ]

# Path lengths: 1 % by default, -t otherwise; no floor.
run b "$path,2711.6" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.000" "native,cow_fork,ns_per_page,ns,1000"
expect_status 0 "a path length 0.998 % longer passes" judge a b
run b "$path,2720.0" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"lguest-fastpath,lat_mmap,exits_irq_per_op,exits,0.000" "native,cow_fork,ns_per_page,ns,1000"
expect_status 1 "a path length 1.3 % longer fails" judge a b
expect_status 0 "... and passes with -t 0.02" \
	"$cmp_script" -t 0.02 "$SCRATCH/a.csv" "$SCRATCH/b.csv" "$units"

# A series one run lacks; runs with no path length.
run b "$path,2684.8" "$switches,0.029" "lguest-baseline,cow_fork,world_switches_per_page,switches,6.043" \
	"native,cow_fork,ns_per_page,ns,1000"
expect_status 1 "a missing series fails" judge a b
check "it is marked missing" [ "$(verdict_of exits_irq_per_op)" = missing ]
run c "$switches,0.029"
expect_status 1 "runs without a path length fail" judge c c
# A count for a benchmark the units do not know: a usage error, not a verdict.
run d "$path,2684.8" "lguest-baseline,lat_proc_fork,world_switches_per_op,switches,1"
expect_status 2 "a count with no unit count" judge d d
expect_status 2 "a bad tolerance" "$cmp_script" -t 1% "$SCRATCH/a.csv" "$SCRATCH/a.csv" "$units"

# The units repeatability.sh passes: suite.sh's, the same the launcher's
# windows count over.
"$TOP/scripts/suite.sh" units lguest-baseline quick >"$SCRATCH/quick"
check "quick units: page_fault1 over 1024 pages (-s 4M)" grep -qx 'page_fault1 1024 page' "$SCRATCH/quick"
check "quick units: lat_mmap over 5 operations" grep -qx 'lat_mmap 5 op' "$SCRATCH/quick"
check "quick units: the in-guest null_hypercall over 1000" grep -qx 'null_hypercall 1000 op' "$SCRATCH/quick"
check "full units: page_fault1 over 32768 pages (-s 128M)" \
	grep -qx 'page_fault1 32768 page' <("$TOP/scripts/suite.sh" units lguest-exitless full)
refute "native has no in-guest microbenchmarks" \
	grep -q '^null_hypercall ' <("$TOP/scripts/suite.sh" units native quick)
expect_status 1 "units of an unknown profile" "$TOP/scripts/suite.sh" units native medium
finish
