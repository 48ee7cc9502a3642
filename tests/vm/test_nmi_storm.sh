#!/bin/bash
# NMIs at any moment, including inside the Switcher and the M:012 walker
# (scripts/vm-run.sh -n injects them through QEMU's monitor): every fault
# guest still passes under each build, the walker still reflects, the
# exitless Switcher still answers SET_PTE itself, direct system calls
# (direct_syscalls=1) still arrive whole, and the
# host's log shows no oops, BUG or WARNING (the kernel's "NMI received for
# unknown reason" notes are expected: nobody claims these NMIs).
# test_nmi_storm_singlestep.sh runs the storm with NMIs between any two
# instructions.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/nmi-storm-checks.sh"
scratch
vm_job -n 10 -t 600 "$TOP/tests/vm/jobs/nmi-storm.sh"
check_storm_guests
check_storm_syscalls
nmis=$(sed -n 's/.*NMIS \([0-9]*\)$/\1/p' "$SCRATCH/log")
check "NMIs really arrived ($nmis)" [ "${nmis:-0}" -ge 50 ]
reflected=$(sed -n 's|.*STORM-BENCH /lguest/fastpath/lg.ko .* fastpath_reflected=\([0-9]*\).*|\1|p' "$SCRATCH/log")
check "the walker reflected the benchmark's faults (${reflected:-none})" \
	[ "${reflected:-0}" -ge 3000 ]
ex_reflected=$(sed -n 's|.*STORM-BENCH /lguest/exitless/lg.ko .* fastpath_reflected=\([0-9]*\).*|\1|p' "$SCRATCH/log")
ex_set_ptes=$(sed -n 's|.*STORM-BENCH /lguest/exitless/lg.ko .* exitless_set_ptes=\([0-9]*\).*|\1|p' "$SCRATCH/log")
check "exitless: the walker reflected them (${ex_reflected:-none})" [ "${ex_reflected:-0}" -ge 3000 ]
check "exitless: the Switcher answered their SET_PTEs (${ex_set_ptes:-none})" \
	[ "${ex_set_ptes:-0}" -ge 6000 ]
# ... and, in its window on the host's cr3, filled 3000 pages the guest had
# mapped, and answered 3000 copy-on-write SET_PTEs.
fills=$(sed -n 's|.*STORM-EX-present .* exitless_fills=\([0-9]*\).*|\1|p' "$SCRATCH/log")
cow=$(sed -n 's|.*STORM-EX-cow .* exitless_set_ptes=\([0-9]*\).*|\1|p' "$SCRATCH/log")
check "exitless: the Switcher filled the present pages (${fills:-none})" [ "${fills:-0}" -ge 2999 ]
check "exitless: the Switcher answered the copy-on-write SET_PTEs (${cow:-none})" [ "${cow:-0}" -ge 3000 ]
echo "NMIs hit the world switch at $(world_switch_places | sort -u | wc -l) places"
[ "$failures" = 0 ] || show_storm
finish
