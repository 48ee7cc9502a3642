#!/bin/bash
# Stage Debian's i386 perf, with the libraries it loads, for the VM.
#
# usage: stage-perf.sh OUTDIR
#
# The VM's kernel is 32-bit, so it needs perf's i386 build: Debian's
# linux-perf:i386, of the same version as linux-source-6.1 when the archive
# has it.  The package and its i386 library dependencies are downloaded
# (apt-get download: nothing is installed on this machine) into the cache,
# unpacked there, and OUTDIR gets usr/bin/perf, the dynamic loader and every
# shared library perf needs, found by following each ELF's NEEDED entries,
# flat in lib/ (where the loader looks first).  A library that no package
# provides is an error, named.  OUTDIR is replaced whole, by one rename.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") OUTDIR"
out=$1
cache=$(cache_dir)

# The i386 architecture gives apt the i386 package lists.
dpkg --print-foreign-architectures | grep -qx i386 ||
	die "the i386 architecture is not enabled: run scripts/install-deps.sh"
want=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) ||
	die "linux-source-6.1 is not installed: run scripts/install-deps.sh"
version=$want
if ! apt-cache show "linux-perf:i386=$want" >/dev/null 2>&1; then
	version=$(apt-cache policy linux-perf:i386 | sed -n 's/^ *Candidate: //p')
	case $version in '' | '(none)') die "no linux-perf:i386 in the package lists (apt-get update?)" ;; esac
	say "linux-perf:i386 $want is not in the archive; using $version"
fi

root=$cache/perf-i386-$version
if [ ! -x "$root/usr/bin/perf" ]; then
	# perf's library closure, as the package lists state it; perl and
	# python themselves, and their modules, are only for perf's scripts.
	pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests \
		--no-conflicts --no-breaks --no-replaces --no-enhances \
		"linux-perf:i386=$version" 2>/dev/null |
		grep -E '^(lib[a-z0-9.+-]*|zlib1g):i386$' | grep -vE 'stdlib|minimal' | sort -u)
	[ -n "$pkgs" ] || die "apt-cache found no libraries for linux-perf:i386"
	debs=$cache/.perf-debs-$$
	rm -rf "$debs" "$root.new"
	mkdir -p "$debs" "$root.new"
	say "downloading linux-perf:i386 $version and $(echo "$pkgs" | wc -l) libraries"
	(cd "$debs" && apt-get download -q -o APT::Sandbox::User=root "linux-perf:i386=$version" $pkgs >/dev/null) ||
		die "apt-get download failed"
	for deb in "$debs"/*.deb; do
		dpkg-deb -x "$deb" "$root.new"
	done
	rm -rf "$debs"
	[ -x "$root.new/usr/bin/perf" ] || die "linux-perf:i386 holds no usr/bin/perf"
	rm -rf "$root"
	mv "$root.new" "$root"
fi

stage=$out.new.$$
rm -rf "$stage"
mkdir -p "$stage/usr/bin"
cp "$root/usr/bin/perf" "$stage/usr/bin/perf"
nlibs=$(elf_closure "$root" "$stage" "$stage/usr/bin/perf")
[ -e "$stage/lib/ld-linux.so.2" ] || cp -L "$root/lib/ld-linux.so.2" "$stage/lib/"
echo "$version" >"$stage/version"
rm -rf "$out"
mv "$stage" "$out"
say "staged perf $version and $nlibs libraries in $out ($(du -sh "$out" | cut -f1))"
