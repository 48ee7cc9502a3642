#!/bin/bash
# Print the folder holding qemu-plugin.h for the installed QEMU, fetching
# Debian's qemu source package into the cache first if it is not there.
#
# usage: qemu-plugin-include.sh
#
# The TCG plugin (tools/insn-plugin) builds against the plugin API of the
# QEMU that loads it, and Debian ships that header only in the source
# package.  The source is fetched and unpacked once per QEMU version, and
# of it only the header is kept, under <cache>/qemu-src-<version>/,
# outside the clone; nothing of it enters the tree.  apt needs a deb-src
# entry, which scripts/install-deps.sh adds.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -eq 0 ] || die "usage: $(basename "$0")"
version=$(dpkg-query -W -f='${source:Version}' qemu-system-x86 2>/dev/null) ||
	die "qemu-system-x86 is not installed: run scripts/install-deps.sh"
dir=$(cache_dir)/qemu-src-${version#*:}
header=include/qemu/qemu-plugin.h
if [ -f "$dir/$header" ]; then
	echo "$dir/include/qemu"
	exit 0
fi

# scripts/install-deps.sh adds Debian 12's source archive to apt.
grep -rqs '^\(Types:.*deb-src\|deb-src \)' /etc/apt/sources.list /etc/apt/sources.list.d ||
	die "apt has no deb-src entry: run scripts/install-deps.sh"

# Unpack into a scratch folder, keep the header, and rename its folder
# into place whole.
scratch=$(mktemp -d "$(cache_dir)/qemu-src.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
tree=$(fetch_source qemu "$version" "$scratch")
[ -n "$tree" ] && [ -f "$tree/$header" ] || die "no $header in Debian's qemu $version"
mkdir -p "$scratch/keep/include/qemu"
cp "$tree/$header" "$scratch/keep/$header"
# Another clone may have fetched the same version meanwhile.
mv -T "$scratch/keep" "$dir" 2>/dev/null || [ -f "$dir/$header" ] ||
	die "cannot move the header to $dir"
echo "$dir/include/qemu"
