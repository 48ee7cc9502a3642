#!/bin/bash
# Unit tests for tools/cycle-projection and scripts/project-cycles.sh: a
# constructed run whose projection was worked out by hand (below), the
# committed cost model, and the refusals, each of which must leave the
# output folder exactly as it was.
#
# The hand computation.  Model: cr3_write 100..300 cycles (1 instruction,
# 1 flush), iret 50..150 (1 instruction), trap_entry 200..200 (none),
# tlb_refill 10..30 cycles, pages_per_flush 2..4, rest_ipc 1..2.
#
# lguest-baseline, page_fault1: 1000 instructions per page; 4 cr3 writes,
# 4 irets, 4 trap entries.  The rest is 1000 - 8 = 992 instructions and
# there are 4 flushes.
#   low:  4*100 + 4*50 + 4*200 + 4*2*10 + 992/2 = 1400 + 80 + 496 = 1976
#   high: 4*300 + 4*150 + 4*200 + 4*4*30 + 992/1 = 2600 + 480 + 992 = 4072
#   at the midpoints: 800 + 400 + 800 + 4*3*20 + 992/1.5 = 2901.33;
#   cr3_write alone moves it by 4*200 = 800, rest_ipc by 992 - 496 = 496,
#   iret by 400, tlb_refill by 4*3*20 = 240, pages_per_flush by 4*2*20 =
#   160, trap_entry by 0.
# lguest-exitless, page_fault1: 400 instructions; 2 cr3 writes, 1 iret.
# The rest is 397 instructions, 2 flushes.
#   low:  200 + 50 + 2*2*10 + 397/2 = 488.5
#   high: 600 + 150 + 2*4*30 + 397 = 1387
#   at the midpoints: 400 + 100 + 2*3*20 + 397/1.5 = 884.67; cr3_write
#   moves it by 400, rest_ipc by 198.5, tlb_refill by 120, iret by 100,
#   pages_per_flush by 80.
# native-guest, lat_syscall_null: 200 instructions per op, no events but
# a zero count of iret: 200/2 = 100 and 200/1 = 200.
# native-guest, lat_proc_fork has a path length and no counts at all: it
# is not projected.
. "$(dirname "$0")/../lib.sh"

bin=$BUILD/tools/cycle-projection
script=$TOP/scripts/project-cycles.sh
[ -x "$bin" ] || { echo "$(basename "$0"): $bin missing: run 'make tools'" >&2; exit 2; }

scratch
T=$SCRATCH

cat >"$T/model.csv" <<'EOF'
# a model for the test
kind,name,low,high,instructions,flushes,source
event,cr3_write,100,300,1,1,assumption: the test's, with a comma
event,iret,50,150,1,0,assumption: the test's
event,trap_entry,200,200,0,0,assumption: the test's

refill,tlb_refill,10,30,-,-,assumption: the test's
pages,pages_per_flush,2,4,-,-,assumption: the test's
ipc,rest_ipc,1,2,-,-,assumption: the test's
EOF
cat >"$T/summary.csv" <<'EOF'
config,benchmark,metric,unit,n,median,min,max
lguest-baseline,page_fault1,instructions_per_page,instructions,3,1000,990,1010
lguest-baseline,page_fault1,ns_per_page,ns,3,5000,4000,6000
lguest-exitless,page_fault1,instructions_per_page,instructions,3,400,400,400
native-guest,lat_syscall_null,instructions_per_op,instructions,3,200,200,200
native-guest,lat_proc_fork,instructions_per_op,instructions,3,90000,90000,90000
EOF
cat >"$T/events.csv" <<'EOF'
config,benchmark,event,count_per_unit,unit
lguest-baseline,page_fault1,cr3_write,4,page
lguest-baseline,page_fault1,iret,4,page
lguest-baseline,page_fault1,trap_entry,4,page
lguest-exitless,page_fault1,cr3_write,2,page
lguest-exitless,page_fault1,iret,1,page
native-guest,lat_syscall_null,iret,0,op
EOF

want_projection='# projection to cycles through the cost model model.csv, not a measurement
config,benchmark,unit,cycles_low,cycles_high
lguest-baseline,page_fault1,page,1976.0,4072.0
lguest-exitless,page_fault1,page,488.5,1387.0
native-guest,lat_syscall_null,op,100.0,200.0'
want_sensitivity="# projection's sensitivity to model.csv: one row from low to high, the others at their midpoints
config,benchmark,unit,row,cycles_row_low,cycles_row_high,swing
lguest-baseline,page_fault1,page,cr3_write,2501.3,3301.3,800.0
lguest-baseline,page_fault1,page,rest_ipc,3232.0,2736.0,496.0
lguest-baseline,page_fault1,page,iret,2701.3,3101.3,400.0
lguest-baseline,page_fault1,page,tlb_refill,2781.3,3021.3,240.0
lguest-baseline,page_fault1,page,pages_per_flush,2821.3,2981.3,160.0
lguest-baseline,page_fault1,page,trap_entry,2901.3,2901.3,0.0
lguest-exitless,page_fault1,page,cr3_write,684.7,1084.7,400.0
lguest-exitless,page_fault1,page,rest_ipc,1017.0,818.5,198.5
lguest-exitless,page_fault1,page,tlb_refill,824.7,944.7,120.0
lguest-exitless,page_fault1,page,iret,834.7,934.7,100.0
lguest-exitless,page_fault1,page,pages_per_flush,844.7,924.7,80.0
lguest-exitless,page_fault1,page,trap_entry,884.7,884.7,0.0
native-guest,lat_syscall_null,op,rest_ipc,200.0,100.0,100.0
native-guest,lat_syscall_null,op,cr3_write,133.3,133.3,0.0
native-guest,lat_syscall_null,op,iret,133.3,133.3,0.0
native-guest,lat_syscall_null,op,trap_entry,133.3,133.3,0.0
native-guest,lat_syscall_null,op,tlb_refill,133.3,133.3,0.0
native-guest,lat_syscall_null,op,pages_per_flush,133.3,133.3,0.0"

# check_file NAME FILE WANT: FILE holds exactly the lines of WANT.
check_file() {
	checks=$((checks + 1))
	printf '%s\n' "$3" >"$T/want"
	if ! cmp -s "$2" "$T/want"; then
		fail "$1: wrong contents:"
		diff "$T/want" "$2" | sed 's/^/    /' | head -20
	fi
}

# project MODEL SUMMARY EVENTS OUTDIR: run the tool, leaving $T/err, $rc.
project() {
	rc=0
	"$bin" "$@" >"$T/out" 2>"$T/err" || rc=$?
}

# --- the hand-computed sample --------------------------------------------
mkdir "$T/out1"
project "$T/model.csv" "$T/summary.csv" "$T/events.csv" "$T/out1"
check "the sample is projected (exit status $rc: $(head -c 300 "$T/err"))" \
	test "$rc" = 0
check_file "projection.csv" "$T/out1/projection.csv" "$want_projection"
check_file "sensitivity.csv" "$T/out1/sensitivity.csv" "$want_sensitivity"
check "a path length without counts is named, not projected" \
	grep -q 'native-guest,lat_proc_fork: no counts' "$T/err"
check "nothing but the two outputs is left" \
	test "$(ls -A "$T/out1" | tr '\n' ' ')" = "projection.csv sensitivity.csv "

# --- the committed cost model --------------------------------------------
# Every event row of bench/cycle-model.csv priced once per op: the model
# parses, and each of its rows prices something.
model=$TOP/bench/cycle-model.csv
{
	echo "config,benchmark,metric,unit,n,median,min,max"
	echo "x,y,instructions_per_op,instructions,1,100000,100000,100000"
} >"$T/all-summary.csv"
{
	echo "config,benchmark,event,count_per_unit,unit"
	awk -F, '$1 == "event" { print "x,y," $2 ",1,op" }' "$model"
} >"$T/all-events.csv"
mkdir "$T/out2"
project "$model" "$T/all-summary.csv" "$T/all-events.csv" "$T/out2"
check "bench/cycle-model.csv prices every event it names ($(head -c 300 "$T/err"))" \
	test "$rc" = 0
check "every row of bench/cycle-model.csv is in the sensitivity table" \
	test "$(grep -c '^x,y,' "$T/out2/sensitivity.csv" 2>/dev/null)" = \
	"$(grep -cE '^(event|refill|pages|ipc),' "$model")"
check "every row of bench/cycle-model.csv says whether it is sourced or assumed" \
	test -z "$(awk -F, '/^(event|refill|pages|ipc),/ && $7 == "" { print }' "$model")"
# A sourced row quotes what it read, so the figure can be found again.
unquoted=$(awk -F, '/^(event|refill|pages|ipc),/ {
	src = $0
	for (i = 0; i < 6; i++)
		sub(/^[^,]*,/, "", src)
	if (src !~ /^assumption:/ && src !~ /"/) print $2
}' "$model")
check "every sourced row of bench/cycle-model.csv quotes its source (not: $unquoted)" \
	test -z "$unquoted"

# --- refusals --------------------------------------------------------------
# refuse NAME PATTERN FILE CONTENTS: with FILE (model, summary or events)
# replaced by CONTENTS, the tool exits 1, says PATTERN on stderr and
# leaves the output folder as it was: an old projection.csv untouched,
# nothing added.
refuse() {
	local name=$1 pattern=$2 which=$3 contents=$4 out=$T/refused
	rm -rf "$out" "$T/bad"
	mkdir "$out" "$T/bad"
	echo old >"$out/projection.csv"
	cp "$T/model.csv" "$T/summary.csv" "$T/events.csv" "$T/bad/"
	printf '%s\n' "$contents" >"$T/bad/$which.csv"
	project "$T/bad/model.csv" "$T/bad/summary.csv" "$T/bad/events.csv" "$out"
	checks=$((checks + 1))
	if [ "$rc" != 1 ]; then
		fail "$name: exit status $rc, want 1"
	elif ! grep -Eq -- "$pattern" "$T/err"; then
		fail "$name: stderr does not match '$pattern': $(head -c 300 "$T/err")"
	elif [ "$(ls -A "$out")" != projection.csv ] ||
	     [ "$(cat "$out/projection.csv")" != old ]; then
		fail "$name: the output folder changed: $(ls -A "$out" | tr '\n' ' ')"
	fi
}

events_head="config,benchmark,event,count_per_unit,unit"
summary_head="config,benchmark,metric,unit,n,median,min,max"
model_head="kind,name,low,high,instructions,flushes,source"
model_tail="refill,tlb_refill,10,30,-,-,assumption: x
pages,pages_per_flush,2,4,-,-,assumption: x
ipc,rest_ipc,1,2,-,-,assumption: x"

refuse "an event the model has no row for" "event ltr has no row in the cost model" events \
	"$events_head
lguest-baseline,page_fault1,ltr,2,page"
refuse "a count for a model row that is no event" "event rest_ipc has no row" events \
	"$events_head
lguest-baseline,page_fault1,rest_ipc,2,page"
refuse "events.csv with a bad header" "bad header" events \
	"config,benchmark,event,count,unit
lguest-baseline,page_fault1,iret,2,page"
refuse "an empty events.csv" "empty" events ""
refuse "a row with too few fields" "too few fields" events \
	"$events_head
lguest-baseline,page_fault1,iret,2"
refuse "a row with too many fields" "too many fields" events \
	"$events_head
lguest-baseline,page_fault1,iret,2,page,extra"
refuse "a count that is no number" "bad count_per_unit \"two\"" events \
	"$events_head
lguest-baseline,page_fault1,iret,two,page"
refuse "a count that is not finite" "bad count_per_unit \"inf\"" events \
	"$events_head
lguest-baseline,page_fault1,iret,inf,page"
refuse "a negative count" "negative count_per_unit -1" events \
	"$events_head
lguest-baseline,page_fault1,iret,-1,page"
refuse "a bad config name" "bad name" events \
	"$events_head
lguest baseline,page_fault1,iret,1,page"
refuse "a second count of one event" "second count of iret" events \
	"$events_head
lguest-baseline,page_fault1,iret,1,page
lguest-baseline,page_fault1,iret,1,page"
refuse "counts without a path length" "no instructions_per_op for it" events \
	"$events_head
lguest-baseline,page_fault1,iret,1,op"
refuse "counts standing for more instructions than the path" \
	"lguest-exitless,page_fault1: the events stand for 500 instructions per page, more than the path length 400" events \
	"$events_head
lguest-exitless,page_fault1,iret,500,page"
refuse "no counts at all" "no counts for any path length" events \
	"$events_head"
refuse "a negative path length" "negative median -5" summary \
	"$summary_head
lguest-baseline,page_fault1,instructions_per_page,instructions,3,-5,-5,-5"
refuse "a summary without path lengths" "no instructions_per_\\* rows" summary \
	"$summary_head
lguest-baseline,page_fault1,ns_per_page,ns,3,5000,4000,6000"
refuse "a second path length" "second row for lguest-baseline,page_fault1" summary \
	"$summary_head
lguest-baseline,page_fault1,instructions_per_page,instructions,3,1000,990,1010
lguest-baseline,page_fault1,instructions_per_page,instructions,3,1000,990,1010"
refuse "a summary row with too few fields" "too few fields" summary \
	"$summary_head
lguest-baseline,page_fault1,instructions_per_page,instructions,3,1000"
refuse "a negative cost" "negative low -100" model \
	"$model_head
event,iret,-100,150,1,0,assumption: x
$model_tail"
refuse "a range whose low end is above its high end" "iret: low 150 above high 50" model \
	"$model_head
event,iret,150,50,1,0,assumption: x
$model_tail"
refuse "a row without a source" "iret has no source" model \
	"$model_head
event,iret,50,150,1,0,
$model_tail"
refuse "a model without an IPC row" "no ipc row" model \
	"$model_head
event,iret,50,150,1,0,assumption: x
refill,tlb_refill,10,30,-,-,assumption: x
pages,pages_per_flush,2,4,-,-,assumption: x"
refuse "an IPC of zero" "instructions per cycle must be above 0" model \
	"$model_head
event,iret,50,150,1,0,assumption: x
refill,tlb_refill,10,30,-,-,assumption: x
pages,pages_per_flush,2,4,-,-,assumption: x
ipc,rest_ipc,0,2,-,-,assumption: x"
refuse "an unknown kind of row" "unknown kind \"evnet\"" model \
	"$model_head
evnet,iret,50,150,1,0,assumption: x
$model_tail"
refuse "a second row of one name" "second row iret" model \
	"$model_head
event,iret,50,150,1,0,assumption: x
event,iret,50,150,1,0,assumption: x
$model_tail"

project "$T/model.csv" "$T/summary.csv" "$T/events.csv" "$T/no-such-folder"
check "an output folder that does not exist is refused" test "$rc" = 1
check "...and nothing is made" test ! -e "$T/no-such-folder"
project "$T/model.csv" "$T/summary.csv" "$T/events.csv"
check "three arguments are a usage error" test "$rc" = 2

# --- scripts/project-cycles.sh -------------------------------------------
mkdir "$T/run"
cp "$T/summary.csv" "$T/run/"
expect_status 1 "a folder without events.csv is refused" \
	"$script" -m "$T/model.csv" "$T/run" 2>"$T/err"
check "...saying so" grep -q 'events.csv missing' "$T/err"
grep -v instructions_per_ "$T/summary.csv" >"$T/run/summary.csv"
cp "$T/events.csv" "$T/run/"
expect_status 1 "a folder without path lengths is refused" \
	"$script" -m "$T/model.csv" "$T/run" 2>"$T/err"
check "...saying so" grep -q 'no path lengths' "$T/err"
check "...and nothing is written" test ! -e "$T/run/projection.csv"

cp "$T/summary.csv" "$T/run/"
expect_status 0 "the sample folder is projected" \
	"$script" -m "$T/model.csv" "$T/run" 2>"$T/err"
check_file "the script's projection.csv" "$T/run/projection.csv" "$want_projection"
check_file "the script's sensitivity.csv" "$T/run/sensitivity.csv" "$want_sensitivity"
for unit in page op; do
	for ext in png pdf; do
		check "the figure projection_cycles_per_$unit.$ext" \
			test -s "$T/run/projection_cycles_per_$unit.$ext"
	done
done
check "no temporary file is left" \
	test -z "$(find "$T/run" -name '.*' -type f)"

finish
