#!/bin/bash
# Apply a quilt-style patch series to a source tree, in order.
#
# usage: apply-series.sh SOURCE_TREE PATCH_DIR
#
# PATCH_DIR/series lists one patch per line (relative to PATCH_DIR); blank
# lines and '#' comments are skipped, and an optional "-pN" after the name
# sets the strip level (default -p1, as quilt does).  A patch that does not
# apply cleanly stops everything, naming the patch.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -eq 2 ] || die "usage: $(basename "$0") SOURCE_TREE PATCH_DIR"
tree=$1
pdir=$2
[ -d "$tree" ] || die "no source tree at $tree"
[ -f "$pdir/series" ] || die "no series file at $pdir/series"

n=0
while read -r name strip rest; do
	case $name in '' | '#'*) continue ;; esac
	[ -z "$rest" ] || die "series: unexpected text after '$name $strip'"
	strip=${strip:--p1}
	case $strip in -p[0-9]) ;; *) die "series: bad strip level '$strip' for $name" ;; esac
	[ -f "$pdir/$name" ] || die "patch $name is listed in the series but missing"
	if ! out=$(patch -d "$tree" "$strip" --batch --forward -s <"$pdir/$name" 2>&1); then
		printf '%s\n' "$out" >&2
		die "patch $name does not apply"
	fi
	n=$((n + 1))
done <"$pdir/series"
say "applied $n patch(es) from $pdir/series"
