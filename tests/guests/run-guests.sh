#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the test guests inside the QEMU-booted host and judge each one by
# expect.txt.  busybox sh is enough.
#
# usage: run-guests.sh [GUEST...]      (default: every guest in expect.txt)
#
# It loads lg.ko, runs each guest as "launcher [LAUNCHER_ARGS] GUEST.elf"
# (a benchmark with its rule's operations and repetitions, and its results
# file) under a timeout, and prints one line per guest:
#	GUEST-PASS <guest>
#	GUEST-FAIL <guest>: <why>		(then the output's tail, indented)
# each after its shadow audit's summary (below):
#	AUDIT <guest> (guest <id>): <p> pages, <n> entries, <s> stale, <b> bad
# then unloads the module and checks the kernel log:
#	CHECK-PASS <check>  or  CHECK-FAIL <check>: <why>
# and ends with "run-guests: <n> passed, <m> failed".  Exit status 0 only if
# everything passed.
#
# The module is loaded with shadow_audit=1: as each guest goes, the host
# checks its shadow page tables and logs "lguest: shadow audit of guest
# <id>: <p> pages, <n> entries, <s> stale, <b> bad".  The kernel log is
# read with dmesg -c after each guest, so what is new is that guest's;
# every guest must have one such line, with no bad entry and as many stale
# ones as its "stale" rule says (none without).  The whole log is kept
# for the final check.
#
# environment:
#   LGUEST_DIR      where lg.ko, launcher and guests/ are (default /lguest)
#   LGUEST_MODULE   the module to load (default LGUEST_DIR/lg.ko)
#   LGUEST_MODULE_ARGS  its parameters, besides the audit's (default none)
#   EXPECT          the rules (default: expect.txt beside this script, else
#                   in LGUEST_DIR/guests)
#   GUEST_TIMEOUT   seconds per guest unless a rule says otherwise (120)
#   LAUNCHER_ARGS   extra launcher arguments, before the guest
#   LGUEST_DEV      the device the module creates (default /dev/lguest)
#   SHADOW_AUDIT    0: load the module without the shadow audit, and skip
#                   the audit's checks and rules (default 1)
set -u

dir=${LGUEST_DIR:-/lguest}
guests=$dir/guests
launcher=$dir/launcher
module=${LGUEST_MODULE:-$dir/lg.ko}
dev=${LGUEST_DEV:-/dev/lguest}
expect=${EXPECT:-$(dirname "$0")/expect.txt}
[ -f "$expect" ] || expect=$guests/expect.txt
default_timeout=${GUEST_TIMEOUT:-120}
launcher_args=${LAUNCHER_ARGS:-}
audit=
[ "${SHADOW_AUDIT:-1}" = 0 ] || audit=1
KILLED_STATUS=70

passed=0
failed=0
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

pass() {
	echo "$1-PASS $2"
	passed=$((passed + 1))
}

fail() {
	echo "$1-FAIL $2: $3"
	failed=$((failed + 1))
}

# One guest's rules, comments and blank lines dropped, as "kind args".
rules() {
	sed -e 's/#.*//' "$expect" | awk -v g="$1" '$1 == g { $1 = ""; sub(/^ +/, ""); print }'
}

# The value of one LGUEST-COUNTERS key, empty if absent.
counter() {
	grep 'LGUEST-COUNTERS' "$2" | tail -n 1 | tr ' ' '\n' |
		sed -n "s/^$1=\([0-9][0-9]*\)\$/\1/p"
}

# Does text contain one of the |-separated alternatives?
contains_any() {
	text=$1
	old_ifs=$IFS
	IFS='|'
	set -f
	for alt in $2; do
		case $text in
		*"$alt"*) IFS=$old_ifs; set +f; return 0 ;;
		esac
	done
	IFS=$old_ifs
	set +f
	return 1
}

# Move the kernel log since the last call into FILE and kernel.log.
take_kernel_log() {
	dmesg -c >"$1"
	cat "$1" >>"$work/kernel.log"
}

# The number before WORD in the guest's shadow audit summary line.
audit_count() {
	tr ',' '\n' <"$work/audit" | sed -n "s/^.* \([0-9][0-9]*\) $1\$/\1/p"
}

# Did the guest's shadow audit (in $kmsg) find what the rules allow: one
# summary line, no bad entry, want_stale stale ones?  If not, say why.
audit_ok() {
	grep -E 'lguest: shadow audit of guest [0-9]+: [0-9]+ pages, ' "$kmsg" >"$work/audit"
	lines=$(wc -l <"$work/audit")
	if [ "$lines" -ne 1 ]; then
		echo "$lines shadow audit lines in the kernel log, want 1"
		return 1
	fi
	bad=$(audit_count bad)
	stale=$(audit_count stale)
	if [ "$bad" != 0 ]; then
		echo "shadow audit: ${bad:-?} bad entries"
		return 1
	fi
	if [ "$stale" != "$want_stale" ]; then
		echo "shadow audit: ${stale:-?} stale entries, want $want_stale"
		return 1
	fi
}

# Did the guest run (judge's $rc, $out, $killed) exit 0 with no FAIL line?
# If not, say why and fail.
ran_cleanly() {
	if [ "$rc" -ne 0 ]; then
		echo "exit status $rc${killed:+, killed: $killed}"
		return 1
	fi
	if grep -q '^FAIL: ' "$out"; then
		grep '^FAIL: ' "$out" | head -n 1
		return 1
	fi
}

# Does the launcher's results file hold exactly the world switches of
# windows 1 to REPS of benchmark NAME, in order, and nothing else (whatever
# the guest printed or marked)?  If not, say why.
results_ok() { # results_ok NAME REPS
	if ! awk -v name="$1" -v reps="$2" '
		$0 != "BENCH," name ",world_switches_per_op,switches," NR "," $6 ||
		$6 !~ /^[0-9]+\.[0-9][0-9][0-9]$/ { exit 1 }
		END { exit NR != reps }' FS=, "$work/results"; then
		echo "the launcher's results are not windows 1 to $2 of $1:"
		head -n 5 "$work/results"
		return 1
	fi
}

# judge GUEST STATUS OUTPUT KMSG: prints why the run failed, nothing if it
# passed.  KMSG is the kernel log of the guest's run.
judge() {
	g=$1 rc=$2 out=$3 kmsg=$4 want_stale=0
	verdicts=$(rules "$g" | grep -cE '^(pass|killed|bench)( |$)')
	if [ "$verdicts" -ne 1 ]; then
		echo "expect.txt has $verdicts pass/killed/bench rules for it"
		return
	fi
	killed=$(sed -n 's/^.*launcher: guest killed: //p' "$out" | head -n 1)
	rules "$g" >"$work/rules"
	while read -r kind args; do
		case $kind in
		pass)
			ran_cleanly || return
			if ! grep -qE '^SUMMARY: [1-9][0-9]* passed, 0 failed$' "$out"; then
				echo "no 'SUMMARY: <n> passed, 0 failed' line"
				return
			fi
			;;
		killed)
			if [ "$rc" -ne "$KILLED_STATUS" ] || [ -z "$killed" ]; then
				echo "not killed: exit status $rc, want $KILLED_STATUS and a 'launcher: guest killed:' line"
				return
			fi
			if ! contains_any "$killed" "$args"; then
				echo "killed for '$killed', want '$args'"
				return
			fi
			;;
		bench)
			ran_cleanly || return
			# shellcheck disable=SC2086 # the rule's words: name ops reps
			set -- $args
			if ! grep -qE "^BENCH,$1,ns_per_op," "$out"; then
				echo "no BENCH $1 ns_per_op line"
				return
			fi
			results_ok "$1" "$3" || return
			;;
		counter)
			name=${args%% *}
			min=${args#* }
			value=$(counter "$name" "$out")
			if [ -z "$value" ]; then
				echo "no $name in the LGUEST-COUNTERS line"
				return
			fi
			if [ "$value" -lt "$min" ]; then
				echo "counter $name=$value, want at least $min"
				return
			fi
			;;
		output)
			if ! grep -qF -- "$args" "$out"; then
				echo "output lacks '$args'"
				return
			fi
			;;
		stale)
			want_stale=$args
			;;
		audit)
			if [ -n "$audit" ] && ! grep -qF -- "$args" "$kmsg"; then
				echo "the kernel log lacks '$args'"
				return
			fi
			;;
		timeout)
			;;
		*)
			echo "expect.txt: unknown rule '$kind'"
			return
			;;
		esac
	done <"$work/rules"
	[ -z "$audit" ] || audit_ok || return
}

run_guest() {
	g=$1
	elf=$guests/$g.elf
	out=$work/$g.out
	if [ ! -f "$elf" ]; then
		fail GUEST "$g" "no $elf"
		return
	fi
	secs=$(rules "$g" | awk '$1 == "timeout" { print $2 }' | tail -n 1)
	secs=${secs:-$default_timeout}
	# A benchmark runs as its rule says, its results into their own file.
	: >"$work/results"
	# shellcheck disable=SC2046 # the rule's words: name ops reps
	set -- $(rules "$g" | awk '$1 == "bench" { print $2, $3, $4 }')
	[ $# = 0 ] || set -- -c "reps=$3 warmup=1 ops=$2" \
		-r "$work/results" -w "$1:$2:$3"
	# shellcheck disable=SC2086 # LAUNCHER_ARGS is a list of words
	timeout -k 5 "$secs" "$launcher" $launcher_args "$@" "$elf" \
		>"$work/stdout" 2>"$work/stderr" </dev/null
	rc=$?
	cat "$work/stdout" "$work/stderr" >"$out"
	# The launcher has closed /dev/lguest: the audit has run.
	take_kernel_log "$work/$g.kmsg"
	case $rc in
	124 | 137 | 143) why="timed out after $secs s (status $rc)" ;;
	*) why=$(judge "$g" "$rc" "$out" "$work/$g.kmsg") ;;
	esac
	[ -z "$audit" ] ||
		sed -n "s/^.*lguest: shadow audit of guest \([0-9]*\): \(.* bad\)\$/AUDIT $g (guest \1): \2/p" \
			"$work/$g.kmsg"
	if [ -z "$why" ]; then
		pass GUEST "$g"
	else
		fail GUEST "$g" "$why"
		tail -n 15 "$out" | sed 's/^/    /'
		grep 'shadow audit' "$work/$g.kmsg" | head -n 10 | sed 's/^/    /'
	fi
}

for f in "$launcher" "$module"; do
	if [ ! -f "$f" ]; then
		echo "run-guests: $f is missing" >&2
		exit 1
	fi
done
if [ ! -f "$expect" ]; then
	echo "run-guests: no expect.txt (looked beside $0 and in $guests)" >&2
	exit 1
fi

# What the log holds already is judged at the end, with the rest.
take_kernel_log "$work/boot.kmsg"
# shellcheck disable=SC2086 # the parameters are words
if ! insmod "$module" ${audit:+shadow_audit=1} ${LGUEST_MODULE_ARGS:-} >"$work/insmod" 2>&1; then
	fail CHECK insmod "$(head -n 1 "$work/insmod")"
	echo "run-guests: $passed passed, $failed failed"
	exit 1
fi
pass CHECK insmod
# What the module runs with, for the log: "MODULE-PARAM <name>=<value>".
for param in /sys/module/lg/parameters/*; do
	[ -f "$param" ] && echo "MODULE-PARAM ${param##*/}=$(cat "$param")"
done
# devtmpfs creates the node; give it a moment.
n=0
while [ ! -c "$dev" ] && [ $n -lt 50 ]; do
	sleep 0.1
	n=$((n + 1))
done
[ -c "$dev" ] || fail CHECK device "no character device $dev after insmod"

if [ $# -gt 0 ]; then
	list=$*
else
	list=$(sed -e 's/#.*//' "$expect" | awk 'NF && !seen[$1]++ { print $1 }')
	# A guest that was built but has no rules would never be run.
	for f in "$guests"/*.elf; do
		[ -f "$f" ] || continue
		g=$(basename "$f" .elf)
		echo "$list" | grep -qx "$g" || fail GUEST "$g" "not in expect.txt"
	done
fi
for g in $list; do
	run_guest "$g"
done

if timeout 60 rmmod lg >"$work/rmmod" 2>&1; then
	pass CHECK rmmod
else
	fail CHECK rmmod "$(head -n 1 "$work/rmmod")"
fi
# After rmmod, so that anything it logs is judged too.
take_kernel_log "$work/rmmod.kmsg"
if grep -E 'Oops|BUG:|WARNING:|Call Trace' "$work/kernel.log" >"$work/dmesg"; then
	fail CHECK dmesg "$(head -n 1 "$work/dmesg")"
	head -n 20 "$work/dmesg" | sed 's/^/    /'
else
	pass CHECK dmesg
fi

echo "run-guests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
