# Helpers for the shell tests (sourced).  A test calls check/expect_* as
# often as it likes and ends with "finish", which exits non-zero if any
# check failed.
set -eu
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${BUILD:=$TOP/build}"
checks=0
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	local what=$1
	shift
	checks=$((checks + 1))
	"$@" || fail "$what"
}

# refute DESCRIPTION COMMAND...: the command must fail.
refute() {
	local what=$1
	shift
	checks=$((checks + 1))
	! "$@" || fail "$what"
}

# expect_status WANT DESCRIPTION COMMAND...: the command must exit WANT.
expect_status() {
	local want=$1 what=$2 rc=0
	shift 2
	checks=$((checks + 1))
	"$@" || rc=$?
	[ "$rc" = "$want" ] || fail "$what: exit status $rc, wanted $want"
}

# A scratch folder removed when the test exits.
scratch() {
	SCRATCH=$(mktemp -d)
	trap 'rm -rf "$SCRATCH"' EXIT
}

finish() {
	echo "$(basename "$0"): $checks checks, $failures failed"
	[ "$failures" -eq 0 ]
}

# vm_job VM-RUN-ARGS...: boot the VM on a job (after scratch).  The console,
# CRs dropped, lands in $SCRATCH/log, the runner's stderr in $SCRATCH/err,
# and its exit status in VM_RC.
vm_job() {
	VM_RC=0
	"$TOP/scripts/vm-run.sh" -q -l "$SCRATCH/console" "$@" 2>"$SCRATCH/err" ||
		VM_RC=$?
	tr -d '\r' <"$SCRATCH/console" >"$SCRATCH/log"
}

# in_range VALUE LOW HIGH: VALUE is a number, LOW <= VALUE < HIGH.
in_range() {
	awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v != "" && v >= lo && v < hi) }'
}

# count PATTERN FILE: how many lines of FILE match the extended regex.
count() {
	grep -cE "$1" "$2" || true
}

# The host's kernel log, in $SCRATCH/log, holds no oops, BUG or WARNING.
check_host_log_clean() {
	refute "host kernel log free of oops/BUG/WARNING" \
		grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/log"
}
