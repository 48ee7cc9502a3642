#!/bin/bash
# The launcher refuses, before it opens /dev/lguest or runs anything, a
# file that is not a kernel for lguest: the host's own vmlinux (an ELF
# with no "lguest" note), a bzImage (not an ELF), and a truncated guest
# vmlinux; each with exit status 2 and a message saying why; so is a
# results file (-r) it cannot open.  The Linux guest's vmlinux itself gets
# past loading (here, to the missing device).
. "$(dirname "$0")/../lib.sh"
. "$TOP/scripts/common.sh"
scratch
launcher=$BUILD/launcher/launcher
host=$(kernel_build_dir)
guest=$(kernel_tree_dir)/kbuild-guest/vmlinux
for f in "$host/vmlinux" "$host/arch/x86/boot/bzImage" "$guest"; do
	[ -f "$f" ] || { fail "$f missing: build the kernels first"; finish; }
done
head -c 100000 "$guest" >"$SCRATCH/truncated"

# refused FILE WHY: exit 2 with "launcher: guest FILE: WHY".
refused() {
	local rc=0
	"$launcher" -m 64 "$1" >"$SCRATCH/out" 2>&1 || rc=$?
	check "$(basename "$1"): refused with status 2 (got $rc)" [ "$rc" = 2 ]
	check "$(basename "$1"): says '$2'" grep -qF "launcher: guest $1: $2" "$SCRATCH/out"
}
refused "$host/vmlinux" 'not an lguest kernel: no "lguest" ELF note'
refused "$host/arch/x86/boot/bzImage" 'not an ELF file (bad magic)'
refused "$SCRATCH/truncated" 'truncated ELF'

# A results file it cannot open: status 2, before the device is opened.
rc=0
"$launcher" -r "$SCRATCH/no/such/dir" -w x:1:1 "$guest" >"$SCRATCH/out" 2>&1 || rc=$?
check "a results file that cannot be opened: status 2 (got $rc)" [ "$rc" = 2 ]
check "a results file that cannot be opened: says which" \
	grep -qxF "launcher: cannot open $SCRATCH/no/such/dir: No such file or directory" "$SCRATCH/out"

# The guest kernel loads; only then is the device opened (absent here, or
# busy in a VM test: either way not a loading error).
rc=0
"$launcher" -m 64 "$guest" >"$SCRATCH/out" 2>&1 || rc=$?
refute "the guest vmlinux is not refused as a kernel ($(head -1 "$SCRATCH/out"))" \
	grep -qE 'not an lguest kernel|not an ELF|truncated' "$SCRATCH/out"
finish
