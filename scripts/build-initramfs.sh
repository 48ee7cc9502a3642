#!/bin/bash
# Build the base initramfs that every VM boots.
#
# usage: build-initramfs.sh OUTPUT.cpio INIT_BINARY [HOST_PATH:GUEST_PATH]...
#
# Contents: /init (initramfs/init.c, static i386), Debian's static i386
# busybox with a link per applet, the mount points /init expects, the
# console device node, and any further files or directories named as
# HOST_PATH:GUEST_PATH (the benchmark programs, later lg.ko and the launcher).
# The job itself is not in here: the VM runner appends it as a second archive.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -ge 2 ] || die "usage: $(basename "$0") OUTPUT.cpio INIT_BINARY [HOST_PATH:GUEST_PATH]..."
out=$1
init=$2
shift 2
busybox=${BUSYBOX:-/bin/busybox}

[ -x "$init" ] || die "init binary $init missing"
[ -x "$busybox" ] || die "$busybox missing: install busybox-static:i386 (scripts/install-deps.sh)"
# ELF class byte 1 means 32-bit: an amd64 busybox would not run on our kernel.
[ "$(od -An -tu1 -j4 -N1 "$busybox" | tr -d ' ')" = 1 ] ||
	die "$busybox is not a 32-bit program: install busybox-static:i386"

spec=$(mktemp)
trap 'rm -f "$spec"' EXIT
{
	for d in /bin /sbin /dev /proc /sys /tmp /job; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	cpio_spec_for "$init" /init
	cpio_spec_for "$busybox" /bin/busybox
	"$busybox" --list | grep -vx busybox | while read -r applet; do
		echo "slink /bin/$applet busybox 0777 0 0"
	done
	for pair in "$@"; do
		case $pair in *:/*) ;; *) die "expected HOST_PATH:/GUEST_PATH, got '$pair'" ;; esac
		cpio_spec_for "${pair%%:*}" "${pair#*:}"
	done
} >"$spec"
cpio_spec_sorted <"$spec" | cpio_pack "$out"
say "wrote $out ($(stat -c %s "$out") bytes)"
