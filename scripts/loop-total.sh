#!/bin/bash
# Add up loops of scripts/loop-tests.sh that ran the same code: a loop too
# long for one sitting is recorded in pieces, and this is their sum.
#
# usage: loop-total.sh LOOP_DIR...
#
# Each LOOP_DIR is a folder loop-tests.sh wrote.  They must have looped the
# same tests beside the same number of CPU hogs, at clean revisions whose
# trees differ at most in what no VM test runs (results/, paper/, *.md);
# else this says which differ and stops.  Prints, as CSV,
# test,runs,failed,loops: a test's runs and failures over all the loops.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -gt 0 ] || { echo "usage: $(basename "$0") LOOP_DIR..." >&2; exit 2; }

first=
for d in "$@"; do
	for f in meta.json summary.csv; do
		[ -f "$d/$f" ] || die "$d: no $f (not a folder of loop-tests.sh)"
	done
	rev=$(meta_value "$d" git_rev)
	case $rev in
	'' | unknown | *-dirty) die "$d: revision '$rev' names no commit" ;;
	esac
	git -C "$TOP" rev-parse -q --verify "$rev^{commit}" >/dev/null ||
		die "$d: revision $rev is not in this repository"
	if [ -z "$first" ]; then
		first=$d first_rev=$rev
		tests=$(meta_value "$d" tests) hogs=$(meta_value "$d" cpu_hogs)
		continue
	fi
	[ "$(meta_value "$d" tests)" = "$tests" ] ||
		die "$d looped other tests than $first"
	[ "$(meta_value "$d" cpu_hogs)" = "$hogs" ] ||
		die "$d ran beside $(meta_value "$d" cpu_hogs) CPU hogs, $first beside $hogs"
	git -C "$TOP" diff --quiet "$first_rev" "$rev" -- . \
		':!results' ':!paper' ':!*.md' ||
		die "$d ($rev) ran other code than $first ($first_rev):" \
			"$(git -C "$TOP" diff --stat "$first_rev" "$rev" -- . \
				':!results' ':!paper' ':!*.md' | tail -1)"
done

echo "test,runs,failed,loops"
for d in "$@"; do tail -n +2 "$d/summary.csv"; done |
	awk -F, -v loops=$# '
		!($1 in runs) { order[n++] = $1 }
		{ runs[$1] += $2; failed[$1] += $3 }
		END { for (i = 0; i < n; i++)
			print order[i] "," runs[order[i]] "," failed[order[i]] "," loops }'
