#!/bin/bash
# The VM runner returns the guest job's own exit status, 128+N for a job
# killed by signal N, and runs a script file as well as a command.
. "$(dirname "$0")/../lib.sh"
scratch
run=$TOP/scripts/vm-run.sh
expect_status 0 "a successful command" "$run" -q -t 120 -c 'true'
expect_status 7 "a command's own status" "$run" -q -t 120 -c 'exit 7'
expect_status 139 "a job killed by SIGSEGV" "$run" -q -t 120 -c 'kill -SEGV $$'
printf 'test -f /job/data.txt || exit 9\ngrep -q payload /job/data.txt && exit 42\n' >"$SCRATCH/job.sh"
echo payload >"$SCRATCH/data.txt"
expect_status 42 "a script with an extra file" "$run" -q -t 120 -f "$SCRATCH/data.txt:/job/data.txt" "$SCRATCH/job.sh"
expect_status 2 "a missing script is a usage error" "$run" -q "$SCRATCH/nope.sh"
expect_status 2 "a bad timeout is a usage error" "$run" -q -t 0 -c true
finish
