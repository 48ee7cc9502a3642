#!/bin/bash
# Linux 6.1 as an lguest guest, stage 1 (docs/guest-port.md, section 5):
# under lg.ko the guest kernel built by scripts/build-guest-kernel.sh must
# print its banner and the e820 map through its boot console, then stop
# with a reason from the launcher (shut down or killed) rather than by the
# timeout; the host must log no oops, BUG or WARNING, and lg.ko must unload.
. "$(dirname "$0")/../lib.sh"
. "$TOP/scripts/common.sh"
scratch
guest=$(cache_dir)/kbuild-guest/vmlinux
if [ ! -f "$guest" ]; then
	fail "no guest kernel at $guest: run scripts/build-guest-kernel.sh"
	finish
fi
vm_job -t 900 -f "$guest:/lguest/linux-guest/vmlinux" "$TOP/tests/vm/jobs/linux-guest-boot.sh"
check "the job ran to its end (vm-run status $VM_RC)" [ "$VM_RC" = 0 ]
grep '^GUEST: ' "$SCRATCH/log" | sed 's/^GUEST: //' >"$SCRATCH/guest"
grep -v '^GUEST: ' "$SCRATCH/log" >"$SCRATCH/host"
check "the guest printed the Linux banner" grep -q 'Linux version 6\.1\.' "$SCRATCH/guest"
check "the guest printed its e820 map" grep -q 'BIOS-e820: \[mem 0x0000000000000000-' "$SCRATCH/guest"
check "the guest stopped with a reason, not by the timeout" \
	grep -qE '^launcher: guest (shut down|killed): ' "$SCRATCH/guest"
refute "the host kernel log is free of oops/BUG/WARNING" \
	grep -qE 'Oops|BUG:|WARNING:|Call Trace' "$SCRATCH/host"
check "lg.ko unloaded after the guest" grep -q '^LINUX-GUEST rmmod ok' "$SCRATCH/log"
[ "$failures" = 0 ] || {
	tail -40 "$SCRATCH/guest"
	grep '^LINUX-GUEST' "$SCRATCH/log"
	cat "$SCRATCH/err"
}
finish
