#!/bin/bash
# Read bench/suite.conf.
#
# usage: suite.sh jobs full|quick REPS WARMUP   shell lines running the suite
#        suite.sh expected                      "benchmark,metric" per series
#
# "jobs" prints the commands a guest runs; any benchmark failing stops the
# job with its name and status.  "expected" lists every series a complete
# run must contain.
set -eu
. "$(dirname "$0")/common.sh"

conf=$TOP/bench/suite.conf
[ -f "$conf" ] || die "$conf missing"

# Each suite line as: name kind full-options|quick-options
entries() {
	grep -v '^[[:space:]]*\(#\|$\)' "$conf"
}

case ${1:-} in
jobs)
	[ $# -eq 4 ] || die "usage: $(basename "$0") jobs full|quick REPS WARMUP"
	profile=$2 reps=$3 warmup=$4
	case $profile in full | quick) ;; *) die "profile must be full or quick, not '$profile'" ;; esac
	entries | while read -r name kind rest; do
		case $kind in fault | op) ;; *) die "suite.conf: $name: kind must be fault or op" ;; esac
		case $rest in *'|'*) ;; *) die "suite.conf: $name: no '|' between full and quick options" ;; esac
		if [ "$profile" = full ]; then opts=${rest%%|*}; else opts=${rest#*|}; fi
		read -r -a opts <<<"$opts"
		echo "$name -r $reps -w $warmup ${opts[*]} || { echo \"BENCH-FAILED $name status \$?\"; exit 1; }"
	done
	;;
expected)
	entries | while read -r name kind _; do
		if [ "$kind" = fault ]; then
			echo "$name,ns_per_page"
			echo "$name,minflt_per_page"
		else
			echo "$name,ns_per_op"
		fi
	done
	;;
*)
	die "usage: $(basename "$0") jobs full|quick REPS WARMUP | expected"
	;;
esac
