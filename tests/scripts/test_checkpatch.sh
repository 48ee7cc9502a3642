#!/bin/bash
# The host module's sources and the kernel patches pass the kernel's own
# checkpatch.pl (from the cached linux-source-6.1 tree).
. "$(dirname "$0")/../lib.sh"
check "checkpatch.pl is clean on module/ and guest-patches/" "$TOP/scripts/checkpatch.sh"
finish
