#!/bin/bash
# Linux 6.1 as an lguest guest, stage 1 (docs/guest-port.md, section 5):
# under each build of lg.ko (baseline, fastpath) the guest kernel built by
# scripts/build-guest-kernel.sh must print its banner and the e820 map
# through its boot console, then stop with a reason from the launcher
# (shut down or killed) rather than by the timeout; the host must log no
# oops, BUG or WARNING, and lg.ko must unload.
. "$(dirname "$0")/../lib.sh"
. "$TOP/scripts/common.sh"
scratch
guest=$(kernel_tree_dir)/kbuild-guest/vmlinux
if [ ! -f "$guest" ]; then
	fail "no guest kernel at $guest: run scripts/build-guest-kernel.sh"
	finish
fi
vm_job -t 900 -f "$guest:/lguest/linux-guest/vmlinux" "$TOP/tests/vm/jobs/linux-guest-boot.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
grep '^GUEST: ' "$SCRATCH/log" | sed 's/^GUEST: //' >"$SCRATCH/guest"
grep -v '^GUEST: ' "$SCRATCH/log" >"$SCRATCH/host"
# count PATTERN FILE: how many lines match (once per build expected).
count() {
	grep -cE "$1" "$2" || true
}
check "the guest printed the Linux banner, both builds" \
	[ "$(count 'Linux version 6\.1\.' "$SCRATCH/guest")" = 2 ]
check "the guest printed its e820 map, both builds" \
	[ "$(count 'BIOS-e820: \[mem 0x0000000000000000-' "$SCRATCH/guest")" = 2 ]
check "the guest stopped with a reason, not by the timeout, both builds" \
	[ "$(count '^launcher: guest (shut down|killed): ' "$SCRATCH/guest")" = 2 ]
refute "the host kernel log is free of oops/BUG/WARNING" \
	grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/host"
check "lg.ko unloaded after the guest, both builds" \
	[ "$(count '^LINUX-GUEST rmmod ok' "$SCRATCH/log")" = 2 ]
[ "$failures" = 0 ] || {
	tail -40 "$SCRATCH/guest"
	grep '^LINUX-GUEST' "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
