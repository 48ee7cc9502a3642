#!/bin/bash
# Unit tests for tools/ratios: the bootstrap interval on samples whose
# percentile interval is known by hand, which pairs it compares, and what
# it refuses.
#
# usage: test_ratios.sh [PATH/TO/ratios]   (default $BUILD/tools/ratios)
. "$(dirname "$0")/../lib.sh"

bin=${1:-$BUILD/tools/ratios}
[ -x "$bin" ] || { echo "$(basename "$0"): $bin is not an executable" >&2; exit 2; }
scratch
T=$SCRATCH
header=benchmark,metric,config,reference,ratio,ci_low,ci_high

# raw CONFIG BENCHMARK METRIC REPS_PER_BOOT VALUE...: raw.csv rows, the
# values in order, repetitions numbered across boots as run-matrix.sh does.
raw() {
	local config=$1 bench=$2 metric=$3 per=$4 rep=0 v
	shift 4
	for v in "$@"; do
		rep=$((rep + 1))
		echo "$config,$bench,$metric,ns,$rep,$v"
	done
	[ $((rep % per)) = 0 ] || { echo "raw: $rep values, not whole boots of $per" >&2; exit 2; }
}

# expect NAME WANT RATIOS-ARGS...: ratios prints exactly the header and WANT.
expect() {
	local name=$1 want=$2 rc=0
	shift 2
	"$bin" "$@" >"$T/out" 2>"$T/err" || rc=$?
	{ echo "$header"; [ -z "$want" ] || echo "$want"; } >"$T/want"
	checks=$((checks + 1))
	if [ "$rc" != 0 ]; then
		fail "$name: exit status $rc ($(head -c 300 "$T/err"))"
	elif ! cmp -s "$T/want" "$T/out"; then
		fail "$name: wrong output:"
		diff "$T/want" "$T/out" | sed 's/^/    /' | head -10
	fi
}

# Every boot the same: every resample is the sample, and the interval is
# the ratio itself.
{
	echo config,benchmark,metric,unit,rep,value
	raw native fault ns_per_page 2 400 400 400 400 400 400
	raw lguest fault ns_per_page 2 1000 1000 1000 1000 1000 1000
} >"$T/same.csv"
expect "identical boots: a degenerate interval at the ratio" \
	"fault,ns_per_page,lguest,native,2.5000,2.5000,2.5000" -b 2 -R native "$T/same.csv"

# The reference fixed at 100; the configuration's 7 boots, one repetition
# each, are 1 to 7, so a resample's median is the 4th smallest of 7 draws.
# By hand: P(median <= 1) = P(at least 4 of 7 draws are 1)
# = sum_{k=4..7} C(7,k) (1/7)^k (6/7)^(7-k) = 0.0102, below 2.5 %;
# P(median <= 2), the same with 2/7, = 0.108, above it.  So the 2.5th
# percentile is 2, the 97.5th 6 by symmetry: [0.02, 0.06] about 0.04.
# (With 10000 resamples the 251st smallest is a median of 1 only if 251
# of them were, against 102 expected: about 15 standard deviations off.)
{
	echo config,benchmark,metric,unit,rep,value
	raw ref op ns_per_op 1 100 100 100
	raw cfg op ns_per_op 1 1 2 3 4 5 6 7
} >"$T/seven.csv"
expect "seven boots 1..7 against 100: the interval worked out by hand" \
	"op,ns_per_op,cfg,ref,0.0400,0.0200,0.0600" -b 1 -R ref "$T/seven.csv"

# Where the tail's weight lies between 2.5 % and 5 %: nine boots, 1 twice,
# 5 five times, 9 twice.  P(median = 1) = P(at least 5 of 9 draws are 1)
# = sum_{k=5..9} C(9,k) (2/9)^k (7/9)^(9-k) = 0.0304, above 2.5 % (304
# of 10000 expected, 251 needed), so the interval reaches 1 and, by
# symmetry, 9: [0.01, 0.09].  A 90 % interval would stop at 5.
{
	echo config,benchmark,metric,unit,rep,value
	raw ref op ns_per_op 1 100
	raw cfg op ns_per_op 1 1 1 5 5 5 5 5 9 9
} >"$T/nine.csv"
expect "nine boots, 3 % in each tail: inside a 95 % interval" \
	"op,ns_per_op,cfg,ref,0.0500,0.0100,0.0900" -b 1 -R ref "$T/nine.csv"

# The other way round, the spread on the reference: 100 / [6, 2].
expect "the reference resampled too: 100 over its interval" \
	"op,ns_per_op,ref,cfg,25.0000,16.6667,50.0000" -b 1 -R cfg "$T/seven.csv"

# A boot's repetitions are drawn together.  Three repetitions of each of
# the seven values: as 7 boots of 3 the interval is the one above; taken
# as 21 boots of 1 (the wrong unit) it narrows, because P(the 11th
# smallest of 21 draws <= 2) = 0.018 falls below 2.5 % (and 0.25 for
# <= 3), to [0.03, 0.05].
{
	echo config,benchmark,metric,unit,rep,value
	raw ref op ns_per_op 3 100 100 100
	raw cfg op ns_per_op 3 1 1 1 2 2 2 3 3 3 4 4 4 5 5 5 6 6 6 7 7 7
} >"$T/grouped.csv"
expect "repetitions of one boot resampled together" \
	"op,ns_per_op,cfg,ref,0.0400,0.0200,0.0600" -b 3 -R ref "$T/grouped.csv"
expect "the same values as 21 boots: a narrower interval" \
	"op,ns_per_op,cfg,ref,0.0400,0.0300,0.0500" -b 1 -R ref "$T/grouped.csv"

# The same input and seed, the same file.  With 40 resamples the interval
# is their smallest and largest ratio, which another seed changes: the
# seed is what the draws come from.
{
	echo config,benchmark,metric,unit,rep,value
	raw a x ns_per_op 2 10 12 9 14 11 13 10 15
	raw b x ns_per_op 2 20 26 21 19 25 22 30 24
} >"$T/noisy.csv"
"$bin" -b 2 -R a "$T/noisy.csv" >"$T/one"
"$bin" -b 2 -R a "$T/noisy.csv" >"$T/two"
"$bin" -b 1 -n 40 -R a "$T/noisy.csv" >"$T/forty-1"
"$bin" -b 1 -n 40 -R a -s 7 "$T/noisy.csv" >"$T/forty-7"
check "a fixed seed: the same output twice" cmp -s "$T/one" "$T/two"
refute "another seed: another interval" cmp -s "$T/forty-1" "$T/forty-7"
check "the ratio lies inside its interval" awk -F, 'NR == 2 && $6 <= $5 && $5 <= $7 { ok = 1 }
	END { exit !ok }' "$T/one"

# Which pairs: every configuration against each reference, except a
# reference listed earlier (native-guest/native is there, native/native-
# guest is not); only times (ns_*, ms_*); only series both sides have.
{
	echo config,benchmark,metric,unit,rep,value
	raw native-guest f ns_per_page 1 10
	raw native f ns_per_page 1 20
	raw native f minflt_per_page 1 1
	raw lguest-baseline f ns_per_page 1 80
	raw lguest-baseline f world_switches_per_page 1 4
	raw lguest-baseline boot ms_to_init 1 500
	raw lguest-exitless f ns_per_page 1 40
	raw lguest-exitless f minflt_per_page 1 1
	raw lguest-exitless boot ms_to_init 1 250
} >"$T/pairs.csv"
expect "pairs: every configuration, each reference once" \
"f,ns_per_page,native,native-guest,2.0000,2.0000,2.0000
f,ns_per_page,lguest-baseline,native-guest,8.0000,8.0000,8.0000
f,ns_per_page,lguest-exitless,native-guest,4.0000,4.0000,4.0000
f,ns_per_page,lguest-baseline,native,4.0000,4.0000,4.0000
f,ns_per_page,lguest-exitless,native,2.0000,2.0000,2.0000
f,ns_per_page,lguest-exitless,lguest-baseline,0.5000,0.5000,0.5000
boot,ms_to_init,lguest-exitless,lguest-baseline,0.5000,0.5000,0.5000" \
	-b 1 -R native-guest,native,lguest-baseline "$T/pairs.csv"
expect "a reference absent from the run gives no rows" "" -b 1 -R bogus "$T/pairs.csv"

# What it refuses: status 1 for bad input, 2 for bad usage, nothing printed.
refuse() {
	local name=$1 want=$2 rc=0
	shift 2
	"$bin" "$@" >"$T/out" 2>"$T/err" </dev/null || rc=$?
	checks=$((checks + 1))
	[ "$rc" = "$want" ] && [ ! -s "$T/out" ] ||
		fail "$name: status $rc, want $want, and no output ($(head -c 200 "$T/out"))"
}
bad() {
	printf 'config,benchmark,metric,unit,rep,value\na,x,ns_per_op,ns,1,5\n%s\n' "$2" >"$T/bad.csv"
	refuse "bad input: $1" 1 -b 1 -R a "$T/bad.csv"
}
bad "5 fields" 'a,x,ns_per_op,ns,1'
bad "7 fields" 'a,x,ns_per_op,ns,1,5,6'
bad "rep 0" 'a,x,ns_per_op,ns,0,5'
bad "rep not a number" 'a,x,ns_per_op,ns,one,5'
bad "value not a number" 'a,x,ns_per_op,ns,2,5x'
bad "value infinite" 'a,x,ns_per_op,ns,2,1e999'
bad "a time of zero" 'b,x,ns_per_op,ns,1,0'
bad "an empty name" ',x,ns_per_op,ns,1,5'
printf 'config,benchmark,metric,unit,rep\n' >"$T/hdr.csv"
refuse "a wrong header" 1 -b 1 -R a "$T/hdr.csv"
: >"$T/empty.csv"
refuse "an empty file" 1 -b 1 -R a "$T/empty.csv"
refuse "a missing file" 1 -b 1 -R a "$T/no-such.csv"
refuse "no -b" 2 -R a "$T/same.csv"
refuse "no -R" 2 -b 1 "$T/same.csv"
refuse "-b 0" 2 -b 0 -R a "$T/same.csv"
refuse "too few resamples" 2 -b 1 -R a -n 39 "$T/same.csv"
refuse "two files" 2 -b 1 -R a "$T/same.csv" "$T/same.csv"
finish
