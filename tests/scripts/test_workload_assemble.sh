#!/bin/bash
# The workload's results folder, assembled from measurements made by hand
# (no VM): scripts/workload-assemble.sh's verdict holds only when every
# run built the same bytes, and fails on one differing hash; its Amdahl
# bound and rates are the arithmetic they claim; scripts/workload-merge.sh
# joins pieces and refuses a configuration twice; scripts/workload-rusty.sh
# reads the path-length gain off the summary.
. "$(dirname "$0")/../lib.sh"
scratch
assemble=$TOP/scripts/workload-assemble.sh
header=config,benchmark,metric,unit,rep,value

# piece DIR CONFIG...: a folder measured under the CONFIGs, with these
# figures: the build 2 s and 1e9 instructions under lguest-baseline, 0.9e9
# under lguest-fastpath, 0.5e9 natively; 200000 world switches a wall run
# and 100000 on the instruction clock; a null round trip of 2000, 2100 and
# 2200 instructions (median 2100) over 2 world switches.
piece() {
	local dir=$1 c
	shift
	mkdir -p "$dir/hashes" "$dir/logs"
	echo "$header" >"$dir/measured.csv"
	echo "$header" >"$dir/icount-switches.csv"
	for c in "$@"; do
		printf '%s\n' "0a1b  ./coreutils/true.o" "2c3d  ./libbb/xfuncs.o" >"$dir/hashes/$c-wall1.txt"
		cp "$dir/hashes/$c-wall1.txt" "$dir/hashes/$c-icount.txt"
		echo "$c" >"$dir/logs/$c-wall1.out"
		case $c in
		native) insns=500000000 ;;
		lguest-fastpath) insns=900000000 ;;
		*) insns=1000000000 ;;
		esac
		cat >>"$dir/measured.csv" <<EOF
$c,busybox_build,ns_per_build,ns,1,2000000000
$c,busybox_build,page_faults_per_build,faults,1,12345
$c,busybox_build,instructions_per_build,instructions,1,$insns
EOF
		runs_natively_fixture "$c" && continue
		cat >>"$dir/measured.csv" <<EOF
$c,busybox_build,world_switches_per_build,switches,1,200000
$c,busybox_build,exits_irq_per_build,exits,1,3000
$c,null_hypercall,instructions_per_op,instructions,1,2200
$c,null_hypercall,instructions_per_op,instructions,2,2000
$c,null_hypercall,instructions_per_op,instructions,3,2100
$c,null_hypercall,world_switches_per_op,switches,1,2
$c,null_hypercall,world_switches_per_op,switches,2,2
$c,null_hypercall,world_switches_per_op,switches,3,2
EOF
		echo "$c,busybox_build,world_switches_per_build,switches,1,100000" >>"$dir/icount-switches.csv"
	done
	printf '{\n  "git_rev": "abc1234",\n  "configs": "%s",\n  "build": "reduced: coreutils/true.o libbb/xfuncs.o"\n}\n' \
		"$(echo "$@" | tr ' ' ,)" >"$dir/meta.json"
}
runs_natively_fixture() {
	case $1 in native*) ;; *) return 1 ;; esac
}
# row DIR CONFIG BENCHMARK METRIC: the value of that row of DIR's raw.csv.
row() {
	awk -F, -v c="$2" -v b="$3" -v m="$4" '$1 == c && $2 == b && $3 == m { print $6 }' "$1/raw.csv"
}

d=$SCRATCH/run
piece "$d" native lguest-baseline lguest-fastpath
expect_status 0 "identical hashes: assembled" "$assemble" "$d"
check "verdict: identical, two objects, six runs" \
	grep -qx 'identical: 2 objects and no binary (a build of objects only), in 6 runs of lguest-baseline lguest-fastpath native' \
	"$d/verdict.txt"
check "round trip: median instructions over half the switches (2100)" \
	[ "$(row "$d" lguest-baseline null_hypercall instructions_per_round_trip)" = 2100.000 ]
check "Amdahl bound: 1e9 - 100000 / 2 x 2100 = 895000000" \
	[ "$(row "$d" lguest-baseline busybox_build amdahl_instructions_per_build)" = 895000000.000 ]
check "world switches per second: 200000 in 2 s" \
	[ "$(row "$d" lguest-fastpath busybox_build world_switches_per_second)" = 100000.000 ]
check "irq exits per second: 3000 in 2 s" \
	[ "$(row "$d" lguest-fastpath busybox_build exits_irq_per_second)" = 1500.000 ]
refute "no Amdahl bound natively" grep -q '^native,busybox_build,amdahl' "$d/raw.csv"
check "summary: the bound's median" \
	grep -qx 'lguest-baseline,busybox_build,amdahl_instructions_per_build,instructions,1,895000000.000,895000000.000,895000000.000' \
	"$d/summary.csv"
check "Rusty's rule: fastpath 10 % shorter than the baseline" \
	bash -c "'$TOP/scripts/workload-rusty.sh' '$d' 2>/dev/null | grep -q '^lguest-fastpath,900000000,10.00,'"

# One object of one run differs: no verdict of identity, a failure.
d=$SCRATCH/differ
piece "$d" native lguest-baseline
sed -i 's/^2c3d /2c3e /' "$d/hashes/lguest-baseline-icount.txt"
expect_status 1 "a differing hash fails the assembly" "$assemble" "$d"
check "verdict names the run that differs" \
	grep -qx 'differ: lguest-baseline-wall1 against lguest-baseline-icount' "$d/verdict.txt"
refute "no summary from builds that differ" [ -f "$d/summary.csv" ]
d=$SCRATCH/none
piece "$d" native
rm "$d"/hashes/*
expect_status 1 "no hashes fails the assembly" "$assemble" "$d"

# Pieces join; a configuration in two pieces does not.
piece "$SCRATCH/p1" native lguest-baseline
piece "$SCRATCH/p2" lguest-fastpath
out=$("$TOP/scripts/workload-merge.sh" -o "$SCRATCH/merged" "$SCRATCH/p1" "$SCRATCH/p2" 2>/dev/null) ||
	fail "merging two pieces failed"
check "merged: meta names every configuration" \
	grep -q '"configs": "native,lguest-baseline,lguest-fastpath"' "$out/meta.json"
check "merged: meta names the pieces" grep -q '"pieces": "p1,p2"' "$out/meta.json"
check "merged: the Amdahl bound of the first piece's baseline" \
	[ "$(row "$out" lguest-baseline busybox_build amdahl_instructions_per_build)" = 895000000.000 ]
check "merged: logs of both pieces" [ -f "$out/logs/lguest-fastpath-wall1.out" ]
piece "$SCRATCH/p3" lguest-fastpath
expect_status 1 "a configuration in two pieces is refused" \
	"$TOP/scripts/workload-merge.sh" -o "$SCRATCH/merged2" "$SCRATCH/p2" "$SCRATCH/p3"
check "nothing written by the refused merge" [ ! -e "$SCRATCH/merged2" ]
finish
