#!/bin/bash
# Print the kernel build directory (O=) that out-of-tree modules build
# against; with --guest, the Linux guest's (kbuild-guest/, its vmlinux).
set -eu
. "$(dirname "$0")/common.sh"
case ${1:-} in
'') kernel_build_dir ;;
--guest) echo "$(kernel_tree_dir)/kbuild-guest" ;;
*) die "usage: $(basename "$0") [--guest]" ;;
esac
