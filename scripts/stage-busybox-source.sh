#!/bin/bash
# Stage Debian's busybox source, configured for the workload, for the
# Linux guest.
#
# usage: stage-busybox-source.sh OUTDIR
#
# The workload builds busybox inside the Linux guest from Debian 12's
# source package, with Debian's patches applied.  apt-get source (through
# the source archive scripts/install-deps.sh gives apt) fetches and unpacks
# it once per version into the cache, <cache>/busybox-src-<version>/.
# OUTDIR gets that tree without what the build does not read (Debian's
# packaging, the test suite, documentation, examples) and with
# workload/busybox.config as its .config.  OUTDIR is replaced whole, by one
# rename.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") OUTDIR"
out=$1
version=
for v in $(apt-cache showsrc busybox 2>/dev/null | sed -n 's/^Version: //p'); do
	[ -z "$version" ] || dpkg --compare-versions "$v" gt "$version" || continue
	version=$v
done
[ -n "$version" ] || die "apt has no source for busybox: run scripts/install-deps.sh"
src=$(cache_dir)/busybox-src-${version#*:}
if [ ! -f "$src/Makefile" ]; then
	# Unpack into a scratch folder and rename the tree into place.
	scratch=$(mktemp -d "$(cache_dir)/busybox-src.XXXXXX")
	trap 'rm -rf "$scratch"' EXIT
	tree=$(fetch_source busybox "$version" "$scratch")
	[ -n "$tree" ] && [ -f "$tree/Makefile" ] || die "no busybox tree in Debian's source $version"
	# Another clone may have unpacked the same version meanwhile.
	mv -T "$tree" "$src" 2>/dev/null || [ -f "$src/Makefile" ] || die "cannot move the source to $src"
fi

stage=$out.new.$$
rm -rf "$stage"
rsync -a --exclude=/debian --exclude=/.pc --exclude=/testsuite --exclude=/docs \
	--exclude=/examples "$src/" "$stage/"
cp "$TOP/workload/busybox.config" "$stage/.config"
rm -rf "$out"
mv "$stage" "$out"
say "staged busybox $version in $out ($(du -sh "$out" | cut -f1))"
