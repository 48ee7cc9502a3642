#!/bin/bash
# Build Linux 6.1 as an lguest guest, from the same patched tree as the host.
#
# usage: build-guest-kernel.sh
#
# 1. scripts/build-kernel.sh prepares the patched tree (and builds the host
#    kernel the guest runs under); both steps are incremental.
# 2. The guest patches carry a copy of the ABI (asm/lguest_abi.h): check
#    that it is still module/uapi/lguest.h.
# 3. Configure (allnoconfig + kernel/i386-guest.config) into its own object
#    directory, kbuild-guest/ in the tree beside the host's kbuild/, when
#    the fragment or the tree changed; check every line of the fragment
#    made it into .config.
# 4. make vmlinux: the launcher loads the ELF file, not a bzImage.
#
# Prints the path of the guest vmlinux and how long it took.
set -eu
. "$(dirname "$0")/common.sh"

fragment=$TOP/kernel/i386-guest.config
cache=$(cache_dir)
tree=$(kernel_tree_dir)
obj=$tree/kbuild-guest
start=$(date +%s)

# --- 1. the tree (and the host kernel) ----------------------------------
"$TOP/scripts/build-kernel.sh"
[ -f "$tree/Makefile" ] || die "no patched tree at $tree after build-kernel.sh"

# Same lock as build-kernel.sh: nobody updates the tree under our build.
exec 9>"$cache/.build-lock"
if ! flock -n 9; then
	say "waiting for another build of the kernel cache to finish"
	flock 9
fi

# --- 2. the ABI ---------------------------------------------------------
# The copy may wrap comments differently (checkpatch); the code must match.
abi_code() {
	gcc -fpreprocessed -dD -E -P -x c "$1" | tr -s ' \t' ' ' |
		sed 's/^ //; s/ $//' | grep -v '^$'
}
abi=$tree/arch/x86/include/asm/lguest_abi.h
[ -f "$abi" ] || die "$abi missing: is the lguest guest series in guest-patches/series?"
[ "$(abi_code "$abi")" = "$(abi_code "$TOP/module/uapi/lguest.h")" ] ||
	die "the guest patches' asm/lguest_abi.h differs from module/uapi/lguest.h: update the patch that adds it"

# --- 3. configuration ---------------------------------------------------
kernel_configure "$tree" "$obj" "$fragment" \
	"$({ cat "$fragment"; basename "$tree"; } | sha256sum | cut -d' ' -f1)" "guest kernel"

# --- 4. build -----------------------------------------------------------
kernel_make "$tree" "$obj" "guest kernel" vmlinux

end=$(date +%s)
say "guest kernel ready in $((end - start)) s: $obj/vmlinux"
