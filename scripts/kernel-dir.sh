#!/bin/bash
# Print the kernel build directory (O=) that out-of-tree modules build against.
set -eu
. "$(dirname "$0")/common.sh"
kernel_build_dir
