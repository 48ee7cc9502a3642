#!/bin/bash
# Machine checks at any moment, as the NMI storm sends NMIs: the same job
# (jobs/nmi-storm.sh, the fault guests under each build) while the runner
# injects a machine check every 20 ms through QEMU's monitor, on a CPU
# with machine-check architecture.  Each is a recoverable one (uncorrected,
# action optional: a memory scrub found an error), which the host's
# handler logs and survives in any context.  Wherever it lands (the guest,
# the Switcher, the exitless window, the host) it must reach that handler:
# the guests pass, the host counts every machine check, and the machine
# lives.  The module before this fix killed the guest for one that hit the
# Switcher and never told the host, whose MCIP stayed set: the next
# machine check shut the machine down.
. "$(dirname "$0")/../lib.sh"
scratch
# VAL UC EN MISCV ADDRV S, MCA code 0xc0 (memory scrubbing); MCG_STATUS
# RIPV and MCIP; a physical address; MISC: physical address, page-sized.
mce="mce 0 1 0xbd000000000000c0 0x5 0x1000 0x8c"
cpu=$(bash -c '. "$TOP/scripts/common.sh"; echo "$QEMU_CPU"')
QEMU_CPU="$cpu,+mce,+mca" vm_job -n 20 -e "$mce" -t 900 "$TOP/tests/vm/jobs/nmi-storm.sh"
check "the guests passed and lg.ko unloaded, every build (status $VM_RC)" [ "$VM_RC" = 0 ]
check "every build's fault guest passed" \
	[ "$(grep -c 'STORM .* SUMMARY: [1-9][0-9]* passed, 0 failed$' "$SCRATCH/log")" = 3 ]
mces=$(sed -n 's/.*MCES \([0-9]*\)$/\1/p' "$SCRATCH/log")
check "machine checks really arrived (${mces:-none})" [ "${mces:-0}" -ge 50 ]
check "the host's handler saw them" grep -q 'mce: Uncorrected memory error' "$SCRATCH/log"
refute "no guest was killed" grep -q 'guest killed' "$SCRATCH/log"
check_host_log_clean
[ "$failures" = 0 ] || { grep -aE 'STORM-RC|MCES|launcher:|FAIL|Hardware Error' "$SCRATCH/log" | sort | uniq -c | head -30; tail -20 "$SCRATCH/log"; cat "$SCRATCH/err"; }
finish
