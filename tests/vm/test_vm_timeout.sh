#!/bin/bash
# A hung guest is ended at the timeout, with status 124, promptly.
. "$(dirname "$0")/../lib.sh"
start=$(date +%s)
expect_status 124 "a hung guest" "$TOP/scripts/vm-run.sh" -q -t 15 -c 'sleep 1000'
took=$(($(date +%s) - start))
check "ended near its 15 s timeout (took $took s)" [ "$took" -lt 40 ]
finish
