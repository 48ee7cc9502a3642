#!/bin/bash
# Join workload results folders recorded in pieces (scripts/workload-matrix.sh
# -c, one set of configurations each) into one, as if one run had made it.
#
# usage: workload-merge.sh [-o RESULTS_ROOT] DIR...
#   -o  where the joined folder goes (default: results/ in the project)
#
# The pieces must come from the same revision and build the same targets
# (meta.json's git_rev and build), and no configuration may be in two of
# them.  Their measurements, hashes and logs are copied; the verdict, the
# derived rows and summary.csv are made afresh (scripts/workload-assemble.sh),
# so the hashes must agree across the pieces too.  meta.json keeps the
# first piece's metadata, with the configurations of all and "pieces"
# naming the folders.  Writes RESULTS_ROOT/<YYYYmmdd-HHMMSS>-<rev>-workload/.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

root=$TOP/results
while getopts 'o:h' opt; do
	case $opt in
	o) root=$OPTARG ;;
	*) sed -n '5,6s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || die "usage: $(basename "$0") [-o RESULTS_ROOT] DIR DIR..."

rev=$(meta_value "$1" git_rev)
kind=$(meta_value "$1" build)
[ -n "$rev" ] && [ -n "$kind" ] || die "$1: no git_rev or build in meta.json"
configs=
for d in "$@"; do
	[ -f "$d/measured.csv" ] && [ -d "$d/hashes" ] || die "$d: not a workload results folder"
	[ "$(meta_value "$d" git_rev)" = "$rev" ] || die "$d: revision $(meta_value "$d" git_rev), not $rev"
	[ "$(meta_value "$d" build)" = "$kind" ] || die "$d: build '$(meta_value "$d" build)', not '$kind'"
	for c in $(meta_value "$d" configs | tr , ' '); do
		case ,$configs, in *,"$c",*) die "$c is in two pieces" ;; esac
		configs=${configs:+$configs,}$c
	done
done

RESULTS_REV=$rev
results_begin "$root"
partial=$RESULTS_PARTIAL
mkdir "$partial/logs" "$partial/hashes"
for f in measured.csv icount-switches.csv; do
	head -1 "$1/$f" >"$partial/$f"
	for d in "$@"; do
		tail -n +2 "$d/$f" >>"$partial/$f"
	done
done
pieces=
for d in "$@"; do
	cp "$d"/hashes/*.txt "$partial/hashes/"
	cp "$d"/logs/* "$partial/logs/"
	pieces=${pieces:+$pieces,}$(basename "$d")
done
# The first piece's metadata, its configurations now all of them, and
# the pieces (names of safe characters: no JSON escaping needed).
awk -v configs="$configs" -v pieces="$pieces" '
	/^  "configs": / { sub(/: ".*"/, ": \"" configs "\"") }
	{ line[NR] = $0 }
	END {
		for (i = 1; i < NR - 1; i++) print line[i]
		print line[NR - 1] ","
		print "  \"pieces\": \"" pieces "\""
		print line[NR]
	}' "$1/meta.json" >"$partial/meta.json"
"$TOP/scripts/workload-assemble.sh" "$partial" ||
	die "the pieces do not agree: $(cat "$partial/verdict.txt")"
say "verdict: $(cat "$partial/verdict.txt")"
RESULTS_REV=$rev-workload
results_publish "$root"
