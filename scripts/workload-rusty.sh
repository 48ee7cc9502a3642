#!/bin/bash
# Rusty's rule on the workload (issue 22, item 4): does what each build
# saves on busybox_build pay for the lines it adds?
#
# usage: workload-rusty.sh DIR
#
# From DIR's summary.csv (a workload results folder: scripts/workload-matrix.sh)
# and this tree's module/ (scripts/loc-common.sh's count, the paper's),
# prints CSV, a row per lguest configuration DIR measured besides the
# baseline:
#   config,instructions_per_build,gain_pct,lines_added,lines_added_pct,gain_per_line_pct
# gain_pct: how much shorter the build's path (instructions_per_build,
# medians) is than lguest-baseline's, in percent; lines_added: what the
# configuration adds to the baseline's module (the fastpath: the walker and
# its C; the exitless build: those and its own Switcher code and C; -direct:
# the direct system calls' C on top), and lines_added_pct its share of all
# the module's lines; gain_per_line_pct: percent of path saved per percent
# of lines added.  The counts are this tree's: run it at the revision the
# folder's meta.json names.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/loc-common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") DIR"
summary=$1/summary.csv
[ -f "$summary" ] || die "$summary missing"
rev=$(meta_value "$1" git_rev)
[ "${rev%-workload}" = "$(project_rev)" ] ||
	say "warning: $1 ran at ${rev:-an unknown revision}, the lines counted are of $(project_rev)"
module_lines | awk -F, -v OFS=, '
	FNR == NR { split($0, w, " "); loc[w[1]] = w[2]; next }
	FNR == 1 { next }
	$2 == "busybox_build" && $3 == "instructions_per_build" { insns[$1] = $6 }
	END {
		if (!("lguest-baseline" in insns) || insns["lguest-baseline"] <= 0) {
			print "workload-rusty.sh: error: no instructions_per_build for lguest-baseline" > "/dev/stderr"
			exit 1
		}
		added["lguest-baseline"] = 0
		added["lguest-fastpath"] = loc["walker"] + loc["fastpath_c"]
		added["lguest-exitless"] = added["lguest-fastpath"] + loc["exitless"] + loc["exitless_c"]
		for (c in added)
			added[c "-direct"] = added[c] + loc["direct_c"]
		print "config,instructions_per_build,gain_pct,lines_added,lines_added_pct,gain_per_line_pct"
		split("lguest-fastpath lguest-exitless lguest-baseline-direct lguest-fastpath-direct lguest-exitless-direct", order, " ")
		for (i = 1; i <= 5; i++) {
			c = order[i]
			if (!(c in insns)) continue
			gain = 100 * (1 - insns[c] / insns["lguest-baseline"])
			pct = 100 * added[c] / loc["total"]
			printf "%s,%.0f,%.2f,%d,%.2f,%.3f\n", c, insns[c], gain, added[c], pct, gain / pct
		}
	}' /dev/stdin "$summary"
