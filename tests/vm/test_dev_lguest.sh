#!/bin/bash
# /dev/lguest refuses malformed requests with clear errors, under both
# builds of lg.ko (tests/abi/bad_ioctls.c, run inside the VM), and the host
# shrugs it all off: rmmod works and the kernel log stays clean.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 300 -c '
	for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
		insmod $ko || exit 1
		/lguest/abi/bad_ioctls || exit 1
		rmmod lg || exit 1
	done'
check "bad_ioctls passed under both builds (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
check "both runs reported" \
	[ "$(grep -c '^bad_ioctls: [0-9]* checks, 0 failed$' "$SCRATCH/log")" = 2 ]
check_host_log_clean
[ "$failures" = 0 ] || grep -E '^(FAIL|bad_ioctls|killed)' "$SCRATCH/log"
finish
