#!/bin/bash
# Unit tests for tools/benchcsv.
#
# usage: test_benchcsv.sh [PATH/TO/benchcsv]
#
# Without an argument it tests $BUILD/tools/benchcsv (tests/run.sh sets
# BUILD), else build/tools/benchcsv in this project.
#
# Every check compares exact stdout and exit status (and, where it matters,
# that stderr names the offending line), so a behaviour change shows up as
# "FAIL: ...". Set VALGRIND=1 to run every invocation under valgrind; any
# memory error or definite leak then fails the check.
. "$(dirname "$0")/../lib.sh"

[ $# -le 1 ] || { echo "usage: $(basename "$0") [PATH/TO/benchcsv]" >&2; exit 2; }
bin=${1:-$BUILD/tools/benchcsv}
[ -x "$bin" ] || { echo "$(basename "$0"): $bin is not an executable" >&2; exit 2; }

scratch
T=$SCRATCH

# run ARGS... < input: run benchcsv, leaving $T/out, $T/err and $rc.
run() {
	rc=0
	if [ "${VALGRIND:-0}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite \
			"$bin" "$@" >"$T/out" 2>"$T/err" || rc=$?
	else
		"$bin" "$@" >"$T/out" 2>"$T/err" || rc=$?
	fi
}

# check_run NAME RC [STDOUT]: the last run exited with RC and, if given,
# printed exactly STDOUT (each line newline-terminated; "" = nothing).
check_run() {
	local name=$1 want_rc=$2
	checks=$((checks + 1))
	if [ "$rc" != "$want_rc" ]; then
		fail "$name: exit status $rc, want $want_rc (stderr: $(head -c 300 "$T/err"))"
		return
	fi
	if [ $# -ge 3 ]; then
		if [ -z "$3" ]; then
			: >"$T/want"
		else
			printf '%s\n' "$3" >"$T/want"
		fi
		if ! cmp -s "$T/out" "$T/want"; then
			fail "$name: wrong output:"
			diff "$T/want" "$T/out" | sed 's/^/    /' | head -20
		fi
	fi
}

# check_err NAME PATTERN: stderr of the last run matches the grep -E PATTERN.
check_err() {
	checks=$((checks + 1))
	grep -Eq -- "$2" "$T/err" ||
		fail "$1: stderr does not match '$2': $(head -c 300 "$T/err")"
}

# ---- extract -------------------------------------------------------------

# Console noise, CRLF and bare-CR endings, trailing blanks, a result glued
# after kernel text, look-alikes that are not results.
printf '%s\r\n' \
	'[    0.000000] Linux version 6.1.0 (gcc) #1 SMP' \
	'BENCH,fault_seq,ns_per_page,ns,1,1234.567' \
	'[    1.234567] random: crng init done' \
	'BENCHMARK starting fault_rand' >"$T/log"
printf 'BENCH,fault_rand,ns_per_page,ns,1,987.5   \r\r\n' >>"$T/log"
printf '[    2.0] lguest: glued BENCH,fault_rand,ns_per_page,ns,2,1.0\n' >>"$T/log"
printf ' BENCH,indented,ns_per_page,ns,1,5\n' >>"$T/log"
printf 'progress 50%%\rBENCH,fault_seq,minflt_per_page,faults,1,1.000\n' >>"$T/log"
printf 'bench,lower,ns_per_page,ns,1,5\nBENCH\n\n' >>"$T/log"
printf 'BENCH,mmap-touch.v2,ns_per_op,ns,12,-1.5e3\t\n' >>"$T/log"
printf 'BENCH,fault_seq,ns_per_page,ns,2,1200.001' >>"$T/log"	# no final newline

want_extract='native,fault_seq,ns_per_page,ns,1,1234.567
native,fault_rand,ns_per_page,ns,1,987.5
native,fault_seq,minflt_per_page,faults,1,1.000
native,mmap-touch.v2,ns_per_op,ns,12,-1.5e3
native,fault_seq,ns_per_page,ns,2,1200.001'

run extract native "$T/log"
check_run "extract: mixed console noise" 0 "$want_extract"
check_err "extract: glued line warned about with its line number" \
	"log:6: .*not at the start"

run extract native <"$T/log"
check_run "extract: reads stdin" 0 "$want_extract"

run extract native - <"$T/log"
check_run "extract: '-' is stdin" 0 "$want_extract"

: >"$T/empty"
run extract native "$T/empty"
check_run "extract: empty input gives no rows" 0 ""

# Malformed result lines: nothing on stdout, status 1, the line named.
# Line 2 is good, so a partial print would show up.
bad_bench() {
	local name=$1 line=$2
	printf 'boot noise\r\nBENCH,ok,ns_per_page,ns,1,1\r\n%s\r\n' "$line" >"$T/bad"
	run extract cfg "$T/bad"
	check_run "extract: $name" 1 ""
	check_err "extract: $name: line number" "bad:3: "
}
bad_bench "5 fields" 'BENCH,a,b,c,1'
bad_bench "7 fields" 'BENCH,a,b,c,1,2,3'
bad_bench "only the prefix" 'BENCH,'
bad_bench "empty benchmark" 'BENCH,,b,c,1,2'
bad_bench "space in metric" 'BENCH,a,b x,c,1,2'
bad_bench "slash in unit" 'BENCH,a,b,c/s,1,2'
bad_bench "blank after comma" 'BENCH,a, b,c,1,2'
bad_bench "rep 0" 'BENCH,a,b,c,0,2'
bad_bench "rep negative" 'BENCH,a,b,c,-1,2'
bad_bench "rep fraction" 'BENCH,a,b,c,1.5,2'
bad_bench "rep leading zero" 'BENCH,a,b,c,01,2'
bad_bench "rep too large" 'BENCH,a,b,c,10000000000,2'
bad_bench "value nan" 'BENCH,a,b,c,1,nan'
bad_bench "value inf" 'BENCH,a,b,c,1,inf'
bad_bench "value overflows" 'BENCH,a,b,c,1,1e999'
bad_bench "value text" 'BENCH,a,b,c,1,12abc'
bad_bench "value empty" 'BENCH,a,b,c,1,'
bad_bench "value hex" 'BENCH,a,b,c,1,0x10'
bad_bench "value two dots" 'BENCH,a,b,c,1,1.2.3'
bad_bench "value lone dot" 'BENCH,a,b,c,1,.'

for cfg in 'a b' '' 'x/y' 'a,b'; do
	run extract "$cfg" "$T/log"
	check_run "extract: config name '$cfg' rejected" 1 ""
done

# 4096 characters of noise are fine, 4097 are not.
{ head -c 4096 /dev/zero | tr '\0' x; echo; } >"$T/long"
run extract cfg "$T/long"
check_run "extract: 4096-character line accepted" 0 ""
{ echo noise; head -c 4097 /dev/zero | tr '\0' x; echo; } >"$T/long"
run extract cfg "$T/long"
check_run "extract: 4097-character line rejected" 1 ""
check_err "extract: long line named" "long:2: line longer than 4096"

printf 'BENCH,a,b,c,1,2\0junk\n' >"$T/nul"
run extract cfg "$T/nul"
check_run "extract: NUL byte in result line" 1 ""

run extract cfg "$T/does-not-exist"
check_run "extract: missing file" 1 ""

run extract
check_run "usage: extract without CONFIG" 2 ""
run frobnicate
check_run "usage: unknown subcommand" 2 ""
run
check_run "usage: no subcommand" 2 ""

# ---- whose figures ---------------------------------------------------------

# A console where a guest forged the host's figures beside its own timing:
# only the timing is taken, and one warning says how many were ignored.
printf '%s\r\n' \
	'BENCH,null_hypercall,ns_per_op,ns,1,55.000' \
	'BENCH,null_hypercall,world_switches_per_op,switches,1,0.001' \
	'BENCH,page_fault1,exits_fault_fixed_per_page,exits,1,0.000' \
	'BENCH,page_fault1,fastpath_reflected_per_page,faults,1,1.000' \
	'BENCH,page_fault1,exitless_fills_per_page,fills,1,1.000' \
	'BENCH,page_fault1,minflt_per_page,faults,1,1.000' \
	'BENCH,forged,world_switches_per_page,switches,1,2.000' >"$T/forged"
run extract lguest-baseline "$T/forged"
check_run "extract: the host's figures on the console ignored" 0 \
'lguest-baseline,null_hypercall,ns_per_op,ns,1,55.000
lguest-baseline,page_fault1,minflt_per_page,faults,1,1.000'
check_err "extract: ignored lines counted, the first named" \
	"forged:2: 5 result line\\(s\\) of host-counted figures ignored"

# The launcher's results file: the host's figures, and nothing else.
printf '%s\r\n' \
	'BENCH,null_hypercall,world_switches_per_op,switches,1,2.000' \
	'BENCH,null_hypercall,world_switches_per_op,switches,2,2.001' >"$T/host"
want_host='lguest-fastpath,null_hypercall,world_switches_per_op,switches,1,2.000
lguest-fastpath,null_hypercall,world_switches_per_op,switches,2,2.001'
run extract-host lguest-fastpath "$T/host"
check_run "extract-host: the launcher's lines" 0 "$want_host"
printf '\n' >>"$T/host"
run extract-host lguest-fastpath <"$T/host"
check_run "extract-host: blank lines and stdin" 0 "$want_host"
printf 'BENCH,null_hypercall,ns_per_op,ns,3,50\n' >>"$T/host"
run extract-host lguest-fastpath "$T/host"
check_run "extract-host: a guest's figure refused" 1 ""
check_err "extract-host: the line named" "host:4: metric ns_per_op is not the host's"
printf 'BENCH,a,world_switches_per_op,switches,1,2\nlauncher: hello\n' >"$T/host"
run extract-host cfg "$T/host"
check_run "extract-host: other text refused" 1 ""
check_err "extract-host: other text named" "host:2: not a result line"
run extract-host
check_run "usage: extract-host without CONFIG" 2 ""

# ---- summarize -----------------------------------------------------------

raw_header='config,benchmark,metric,unit,rep,value'
sum_header='config,benchmark,metric,unit,n,median,min,max'

# Interleaved groups: output follows first appearance; odd and even counts;
# the same series under another config or unit is another group.
cat >"$T/raw" <<EOF
$raw_header
native,seq,ns_per_page,ns,1,3
lguest,seq,ns_per_page,ns,1,10

native,seq,ns_per_page,ns,2,1
native,rand,ns_per_page,ns,1,4
native,seq,ns_per_page,ns,3,2
native,rand,ns_per_page,ns,2,1
native,seq,ns_per_page,us,1,0.1234
native,rand,ns_per_page,ns,3,3
native,rand,ns_per_page,ns,4,2
lguest,seq,ns_per_page,ns,2,-1234567.8914e0
EOF
want_sum="$sum_header
native,seq,ns_per_page,ns,3,2.000,1.000,3.000
lguest,seq,ns_per_page,ns,2,-617278.946,-1234567.891,10.000
native,rand,ns_per_page,ns,4,2.500,1.000,4.000
native,seq,ns_per_page,us,1,0.123,0.123,0.123"
run summarize "$T/raw"
check_run "summarize: medians, grouping order" 0 "$want_sum"

run summarize <"$T/raw"
check_run "summarize: reads stdin" 0 "$want_sum"

sed 's/$/\r/' "$T/raw" >"$T/raw-crlf"
run summarize "$T/raw-crlf"
check_run "summarize: CRLF input" 0 "$want_sum"

printf '%s\n' "$raw_header" >"$T/raw"
run summarize "$T/raw"
check_run "summarize: header only" 0 "$sum_header"

run summarize "$T/empty"
check_run "summarize: empty input" 1 ""

for hdr in 'config,benchmark,metric,unit,value,rep' \
	   'config,benchmark,metric,unit,rep' \
	   ' config,benchmark,metric,unit,rep,value' \
	   'Config,benchmark,metric,unit,rep,value'; do
	printf '%s\nnative,a,b,c,1,2\n' "$hdr" >"$T/raw"
	run summarize "$T/raw"
	check_run "summarize: header '$hdr' rejected" 1 ""
done
printf 'native,a,b,c,1,2\n' >"$T/raw"
run summarize "$T/raw"
check_run "summarize: missing header" 1 ""

bad_row() {
	local name=$1 row=$2
	printf '%s\nnative,ok,m,u,1,1\n%s\n' "$raw_header" "$row" >"$T/raw"
	run summarize "$T/raw"
	check_run "summarize: $name" 1 ""
	check_err "summarize: $name: line number" "raw:3: "
}
bad_row "5 fields" 'native,a,m,u,1'
bad_row "7 fields" 'native,a,m,u,1,2,3'
bad_row "value nan" 'native,a,m,u,1,nan'
bad_row "value -inf" 'native,a,m,u,1,-inf'
bad_row "value text" 'native,a,m,u,1,fast'
bad_row "value empty" 'native,a,m,u,1,'
bad_row "value overflows" 'native,a,m,u,1,-1e400'
bad_row "rep 0" 'native,a,m,u,0,1'
bad_row "bad config name" 'nat ive,a,m,u,1,1'

# Many rows and many groups: no fixed limits, the order still holds.
awk -v h="$raw_header" 'BEGIN {
	print h
	for (r = 1; r <= 20; r++)
		for (g = 0; g < 5000; g++)
			printf "c%d,b%d,m,u,%d,%d\n", g % 3, g, r, r
}' >"$T/raw"
run summarize "$T/raw"
check_run "summarize: 100000 rows in 5000 groups" 0
checks=$((checks + 1))
[ "$(wc -l <"$T/out")" = 5001 ] || fail "summarize: big input: $(wc -l <"$T/out") lines, want 5001"
checks=$((checks + 1))
[ "$(sed -n '2p;5001p' "$T/out" | tr '\n' ' ')" = \
  "c0,b0,m,u,20,10.500,1.000,20.000 c1,b4999,m,u,20,10.500,1.000,20.000 " ] ||
	fail "summarize: big input: wrong rows: $(sed -n '2p;5001p' "$T/out" | tr '\n' ' ')"

# extract output plus a header is what summarize reads.
{ echo "$raw_header"; "$bin" extract native "$T/log" 2>/dev/null; } >"$T/raw"
run summarize "$T/raw"
check_run "summarize: extract output round trip" 0 "$sum_header
native,fault_seq,ns_per_page,ns,2,1217.284,1200.001,1234.567
native,fault_rand,ns_per_page,ns,1,987.500,987.500,987.500
native,fault_seq,minflt_per_page,faults,1,1.000,1.000,1.000
native,mmap-touch.v2,ns_per_op,ns,1,-1500.000,-1500.000,-1500.000"

# ---- verify --------------------------------------------------------------

cat >"$T/expected" <<'EOF'
# series every run must produce
fault_seq,ns_per_page

  fault_seq,minflt_per_page
fault_seq,ns_per_page
EOF
cat >"$T/raw" <<EOF
$raw_header
native,fault_seq,ns_per_page,ns,1,1234.5
lguest,fault_seq,ns_per_page,ns,1,2000
native,fault_seq,minflt_per_page,faults,1,1.000
native,other,ns_per_op,ns,1,0
EOF
run verify "$T/expected" "$T/raw"
check_run "verify: all present" 0 \
	"verify: 2 expected series present, all values finite and positive"

run verify "$T/expected" <"$T/raw"
check_run "verify: reads stdin" 0 \
	"verify: 2 expected series present, all values finite and positive"

printf 'fault_rand,ns_per_page\n' >>"$T/expected"
printf 'fault_seq,ns_per_op\n' >>"$T/expected"
run verify "$T/expected" "$T/raw"
check_run "verify: missing series" 1 "missing: fault_rand,ns_per_page
missing: fault_seq,ns_per_op"

printf 'fault_seq,ns_per_page\n' >"$T/expected"
i=0
for v in 0 0.000 -5 nan inf -inf NaN abc '' 1e999 0x10; do
	i=$((i + 1))
	printf '%s\nnative,fault_seq,ns_per_page,ns,1,7\nlguest,fault_seq,ns_per_page,ns,%d,%s\n' \
		"$raw_header" "$i" "$v" >"$T/raw"
	run verify "$T/expected" "$T/raw"
	check_run "verify: value '$v' rejected" 1 \
		"bad value: fault_seq,ns_per_page = '$v' (config lguest, rep $i, line 3)"
done

# An exit count of one reason may be zero (the fastpath's reflections
# under the baseline, the exitless build's fills under the others), never
# negative; the world switches may not be zero.
printf 'b,exits_irq_per_page\nb,fastpath_reflected_per_page\nb,exitless_fills_per_page\n' >"$T/expected"
printf '%s\nx,b,exits_irq_per_page,exits,1,0.000\nx,b,fastpath_reflected_per_page,faults,1,0\nx,b,exitless_fills_per_page,fills,1,0.000\n' \
	"$raw_header" >"$T/raw"
run verify "$T/expected" "$T/raw"
check_run "verify: zero exits of one reason accepted" 0 \
	"verify: 3 expected series present, all values finite and positive"
printf 'b,exits_irq_per_page\nb,world_switches_per_page\n' >"$T/expected"
printf '%s\nx,b,exits_irq_per_page,exits,1,-1\nx,b,world_switches_per_page,switches,1,0\n' \
	"$raw_header" >"$T/raw"
run verify "$T/expected" "$T/raw"
check_run "verify: negative exits and zero world switches rejected" 1 \
	"bad value: b,exits_irq_per_page = '-1' (config x, rep 1, line 2)
bad value: b,world_switches_per_page = '0' (config x, rep 1, line 3)"

# Several problems at once: each reported, bad values in input order,
# then the missing series.
printf 'a,m\nb,m\nc,m\n' >"$T/expected"
printf '%s\nx,a,m,u,1,0\nx,b,m,u,1,1\nx,a,m,u,2,-1\n' "$raw_header" >"$T/raw"
run verify "$T/expected" "$T/raw"
check_run "verify: several problems" 1 "bad value: a,m = '0' (config x, rep 1, line 2)
bad value: a,m = '-1' (config x, rep 2, line 4)
missing: c,m"

printf '%s\n' "$raw_header" >"$T/raw"
run verify "$T/expected" "$T/raw"
check_run "verify: header-only raw.csv" 1 "missing: a,m
missing: b,m
missing: c,m"

printf 'a,m,x\n' >"$T/expected"
run verify "$T/expected" "$T/raw"
check_run "verify: bad EXPECTED line" 1 ""
check_err "verify: bad EXPECTED line named" "expected:1: "

printf '# nothing\n\n' >"$T/expected"
run verify "$T/expected" "$T/raw"
check_run "verify: EXPECTED without series" 1 ""

printf 'a,m\n' >"$T/expected"
printf 'config,benchmark,metric,unit,value\nx,a,m,u,1\n' >"$T/raw"
run verify "$T/expected" "$T/raw"
check_run "verify: bad header" 1 ""

printf '%s\nx,a,m,u,1\n' "$raw_header" >"$T/raw"
run verify "$T/expected" "$T/raw"
check_run "verify: row with 5 fields" 1 ""
check_err "verify: bad row named" "raw:2: "

run verify "$T/does-not-exist" "$T/raw"
check_run "verify: missing EXPECTED file" 1 ""
run verify
check_run "usage: verify without EXPECTED_FILE" 2 ""

finish
