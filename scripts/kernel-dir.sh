#!/bin/bash
# Print the kernel build directory (O=) that out-of-tree modules build
# against; with --guest, the Linux guest's (kbuild-guest/, its vmlinux);
# with --native-guest, the same configuration's native build
# (kbuild-native-guest/, its bzImage: scripts/build-guest-kernel.sh --native).
set -eu
. "$(dirname "$0")/common.sh"
case ${1:-} in
'') kernel_build_dir ;;
--guest) echo "$(kernel_tree_dir)/kbuild-guest" ;;
--native-guest) echo "$(kernel_tree_dir)/kbuild-native-guest" ;;
*) die "usage: $(basename "$0") [--guest|--native-guest]" ;;
esac
