#!/bin/bash
# The path length a change of lg.ko adds or removes, per operation: the
# benchmark guests under every build, once with lg.ko as it is here and
# once as it was at another revision (built from that revision's module/
# and Switcher files against this tree's kernel), in one VM whose clock
# counts instructions (vm-run.sh -T icount: 2 ns of guest time per
# instruction), so that a guest's ns_per_op, halved, is the instructions
# per operation.  Writes results/<stamp>-<rev>/ (or under -o DIR):
# compare.csv (build,benchmark,revision,instructions_per_op, the median
# of the repetitions), raw.csv (every repetition), meta.json.
#
# usage: pathlen-compare.sh [-o DIR] [-a GUEST_ARGS] [-p PARAMS] OLD_REVISION
#   -a  the bench guests' command line (default "reps=5 warmup=1 ops=1000")
#   -p  parameters for this tree's lg.ko (e.g. verw_always=1)
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/common.sh"

out=$TOP/results args="reps=5 warmup=1 ops=1000" params=
while getopts 'o:a:p:h' opt; do
	case $opt in
	o) out=$OPTARG ;;
	a) args=$OPTARG ;;
	p) params=$OPTARG ;;
	*) sed -n '2,14s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { sed -n '2,14s/^# \{0,1\}//p' "$0" >&2; exit 2; }
old=$(git -C "$TOP" rev-parse --short "$1^{commit}" 2>/dev/null) ||
	die "no such revision: $1"
kdir=$("$TOP/scripts/kernel-dir.sh")
guests="bench_null_hypercall bench_user_fault_notpresent bench_user_fault_present bench_user_fault_cow"
builds="baseline fastpath exitless"

RESULTS_REV=$(project_rev)
results_begin "$out"
work=$RESULTS_PARTIAL/.work
mkdir -p "$work/src"
git -C "$TOP" archive "$old" module switcher_fastpath.S switcher_exitless.S |
	tar -x -C "$work/src"
files=()
for b in $builds; do
	say "building $old's lg.ko ($b) against this tree's kernel"
	make -s -C "$work/src/module" KDIR="$kdir" OUT="$work/build" VARIANT="$b" >/dev/null
	files+=(-f "$work/build/$b/lg.ko:/old/$b/lg.ko")
done

# The job: every guest under both modules of each build, its BENCH lines
# tagged "PATHLEN <revision> <build> ".
{
	echo "for b in $builds; do"
	echo "	case \$b in baseline) new=/lguest/lg.ko ;; *) new=/lguest/\$b/lg.ko ;; esac"
	echo "	for pair in '$RESULTS_REV':\$new '$old':/old/\$b/lg.ko; do"
	echo "		case \$pair in *:/old/*) p= ;; *) p='$params' ;; esac"
	echo "		insmod \${pair#*:} \$p || exit 1"
	echo "		for g in $guests; do"
	echo "			/lguest/launcher -c '$args' /lguest/guests/\$g.elf 2>&1 |"
	echo "				grep '^BENCH,.*,ns_per_op,' | sed \"s|^|PATHLEN \${pair%%:*} \$b |\""
	echo "		done"
	echo "		rmmod lg || exit 1"
	echo "	done"
	echo "done"
} >"$work/job.sh"
say "running the guests under both modules, icount clock"
"$TOP/scripts/vm-run.sh" -q -T icount -t 1800 -l "$work/console" \
	"${files[@]}" "$work/job.sh" || die "the VM job failed (console: $work/console)"

# PATHLEN REV BUILD BENCH,NAME,ns_per_op,ns,REP,VALUE
echo "build,benchmark,revision,rep,instructions_per_op" >"$RESULTS_PARTIAL/raw.csv"
tr -d '\r' <"$work/console" | awk '$1 == "PATHLEN" {
	split($4, f, ","); printf "%s,%s,%s,%s,%.1f\n", $3, f[2], $2, f[5], f[6] / 2 }' \
	>>"$RESULTS_PARTIAL/raw.csv"
rows=$(($(wc -l <"$RESULTS_PARTIAL/raw.csv") - 1))
[ "$rows" -gt 0 ] || die "no BENCH lines in the console"
echo "build,benchmark,revision,instructions_per_op" >"$RESULTS_PARTIAL/compare.csv"
tail -n +2 "$RESULTS_PARTIAL/raw.csv" | sort -t, -k1,1 -k2,2 -k3,3 -k5,5g |
	awk -F, '{ k = $1 "," $2 "," $3; v[k, ++n[k]] = $5 }
		END { for (k in n) print k "," v[k, int((n[k] + 1) / 2)] }' |
	sort >>"$RESULTS_PARTIAL/compare.csv"
rm -rf "$work"
{
	mapfile -t pairs < <(results_meta_pairs)
	json_object "${pairs[@]}" accel tcg clock "icount shift=1: 2 ns of guest time per instruction" \
		compared_with "$old" guest_args "$args" module_params "$params" rows "$rows"
} >"$RESULTS_PARTIAL/meta.json"
results_publish "$out"
