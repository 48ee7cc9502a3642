#!/bin/bash
# Build Linux 6.1 as an lguest guest, from the same patched tree as the host;
# with --native, the same configuration booted natively instead.
#
# usage: build-guest-kernel.sh [--native]
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
# --native: the "native-guest" configuration's kernel.  In step 3 the lines
# of kernel/i386-native-guest.config (lguest off, what a native boot needs)
# take the place of the guest fragment's lines for the same symbols, and
# the object directory is kbuild-native-guest/; in step 4 QEMU boots it as
# a bzImage.
#
# Prints the path of the kernel image and how long it took.
set -eu
. "$(dirname "$0")/common.sh"

fragment=$TOP/kernel/i386-guest.config
cache=$(cache_dir)
tree=$(kernel_tree_dir)
obj=$tree/kbuild-guest what="guest kernel" image=vmlinux
case ${1:-} in
'') ;;
--native)
	delta=$TOP/kernel/i386-native-guest.config
	obj=$tree/kbuild-native-guest what="native-guest kernel" image=bzImage ;;
*) die "usage: $(basename "$0") [--native]" ;;
esac
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
# For --native, the merged fragment: the guest's lines whose symbols the
# delta does not name, then the delta's.
if [ -n "${delta:-}" ]; then
	mkdir -p "$obj"
	syms=$(sed -n 's/^\(# \)\{0,1\}\(CONFIG_[A-Za-z0-9_]*\)[ =].*/\2/p' "$delta" | paste -sd'|' -)
	[ -n "$syms" ] || die "$(basename "$delta") names no option"
	{
		grep -vE "^(# )?($syms)( is not set|=)" "$fragment"
		cat "$delta"
	} >"$obj/fragment.config"
	fragment=$obj/fragment.config
fi
kernel_configure "$tree" "$obj" "$fragment" \
	"$({ cat "$fragment"; basename "$tree"; } | sha256sum | cut -d' ' -f1)" "$what"

# --- 4. build -----------------------------------------------------------
kernel_make "$tree" "$obj" "$what" "$image"

end=$(date +%s)
if [ "$image" = bzImage ]; then image=arch/x86/boot/bzImage; fi
say "$what ready in $((end - start)) s: $obj/$image"
