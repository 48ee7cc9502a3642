#!/bin/bash
# Every benchmark program refuses bad options with exit status 2, a message
# naming the option on stderr, and nothing on stdout; a tiny valid run
# prints well-formed result lines.  (The programs are static i386 binaries,
# which run on an x86-64 host as they are.)
. "$(dirname "$0")/../lib.sh"
scratch
progs=$(grep -v '^[[:space:]]*\(#\|$\)' "$TOP/bench/suite.conf" | awk '{print $1}')
for p in $progs; do
	bin=$BUILD/bench/$p
	check "$p is built" [ -x "$bin" ] || continue
	for bad in "-r 0" "-r 5x" "-w -1" "-s 12345" "-s 99999999999G" "-q" "-r" "extra"; do
		rc=0
		# shellcheck disable=SC2086
		"$bin" $bad >"$SCRATCH/out" 2>"$SCRATCH/err" || rc=$?
		checks=$((checks + 1))
		[ "$rc" = 2 ] || fail "$p $bad: exit status $rc, wanted 2"
		[ ! -s "$SCRATCH/out" ] || fail "$p $bad: printed on stdout"
		grep -q "^$p: " "$SCRATCH/err" || fail "$p $bad: no message naming the program"
	done
done
# One short valid run, on tmpfs-like scratch space.
check "page_fault1 runs" "$BUILD/bench/page_fault1" -r 2 -w 0 -s 1M -d "$SCRATCH" >"$SCRATCH/out"
check "three result lines per repetition" [ "$(grep -c '^BENCH,page_fault1,' "$SCRATCH/out")" = 6 ]
check "lines are well-formed" grep -qE '^BENCH,page_fault1,ns_per_page,ns,2,[0-9]+\.[0-9]{3}$' "$SCRATCH/out"
# The whole iteration (mmap, touch, munmap) holds the touch loop.
check "ns_per_page_iter >= ns_per_page in every repetition" awk -F, '
	$3 == "ns_per_page" { t[$5] = $6 } $3 == "ns_per_page_iter" { i[$5] = $6 }
	END { for (r in t) if (!(r in i) || i[r] < t[r]) exit 1; exit !length(t) }' "$SCRATCH/out"
finish
