#!/bin/bash
# Stage Debian's i386 C toolchain, trimmed to what a C build runs, for the
# Linux guest.
#
# usage: stage-toolchain.sh OUTDIR
#
# The workload (busybox built inside the guest) needs gcc, binutils, make
# and the C library's development files, all i386.  Their packages and
# everything they depend on are downloaded (apt-get download: nothing is
# installed on this machine) and unpacked once into the cache, in a folder
# named after the versions.  OUTDIR gets, at their Debian paths, only what
# compiling and linking C runs: the gcc driver, cc1 and collect2, the
# assembler and the BFD linker, ar, nm, strip and objcopy, make, the
# headers, start files and libraries to link against, the C library itself;
# then, flat in lib/, every other shared library those programs load.  Not
# staged: lto1 and lto-wrapper, the sanitizer and OpenMP libraries, static
# copies of the C library, gconv modules, documentation, locales.  The
# linker's LTO plugin stays: Debian's gcc hands it to every link, and it
# calls lto-wrapper only for objects compiled with -flto.
# OUTDIR is replaced whole, by one rename.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") OUTDIR"
out=$1
cache=$(cache_dir)

dpkg --print-foreign-architectures | grep -qx i386 ||
	die "the i386 architecture is not enabled: run scripts/install-deps.sh"
wanted="gcc-12:i386 binutils-i686-linux-gnu:i386 libc6-dev:i386 make:i386"
versions=
for p in $wanted; do
	v=$(apt-cache policy "$p" | sed -n 's/^ *Candidate: //p')
	case $v in '' | '(none)') die "no $p in the package lists (apt-get update?)" ;; esac
	versions="$versions $p=$v"
done
root=$cache/toolchain-i386-$(echo "$versions" | sha256sum | cut -c1-12)

if [ ! -x "$root/usr/lib/gcc/i686-linux-gnu/12/cc1" ]; then
	# Every i386 package the four depend on, as the package lists say.
	pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests \
		--no-conflicts --no-breaks --no-replaces --no-enhances $versions 2>/dev/null |
		grep -E '^[a-z0-9][a-z0-9.+-]*:i386$' | sort -u)
	debs=$cache/.toolchain-debs-$$
	rm -rf "$debs" "$root.new"
	mkdir -p "$debs" "$root.new"
	say "downloading $(echo "$pkgs" | wc -l) i386 packages:$versions"
	(cd "$debs" && apt-get download -q -o APT::Sandbox::User=root $pkgs >/dev/null) ||
		die "apt-get download failed"
	for deb in "$debs"/*.deb; do
		dpkg-deb -x "$deb" "$root.new"
	done
	rm -rf "$debs"
	echo "$versions" >"$root.new/versions"
	[ -x "$root.new/usr/lib/gcc/i686-linux-gnu/12/cc1" ] || die "gcc-12:i386 holds no cc1"
	rm -rf "$root"
	mv "$root.new" "$root"
fi

stage=$out.new.$$
rm -rf "$stage"
mkdir -p "$stage"
# stage PATTERN...: copy the paths these shell patterns match in the
# unpacked packages (files, links or whole folders) to the same place.
stage() {
	# shellcheck disable=SC2048,SC2086 # the patterns expand in $root
	(cd "$root" && cp -a --parents $* "$stage/")
}
gcclib=usr/lib/gcc/i686-linux-gnu/12
stage usr/bin/i686-linux-gnu-gcc-12 usr/bin/make usr/include \
	$gcclib/cc1 $gcclib/collect2 $gcclib/include "$gcclib/crt*.o" \
	$gcclib/libgcc.a $gcclib/libgcc_eh.a $gcclib/libgcc_s.so $gcclib/liblto_plugin.so \
	"usr/lib/i386-linux-gnu/*.o" usr/lib/i386-linux-gnu/libc_nonshared.a \
	lib/ld-linux.so.2 "lib/i386-linux-gnu/*.so*"
for tool in as ld.bfd ar nm strip objcopy; do
	stage usr/bin/i686-linux-gnu-$tool
done
# Linker scripts and links for -lc, -lm and the rest, and the library a
# link names beside itself.
(cd "$root" && find usr/lib/i386-linux-gnu -maxdepth 1 -name '*.so') | while read -r so; do
	stage "$so"
	target=$(readlink "$root/$so") || continue
	case $target in /*) ;; *) stage "$(dirname "$so")/$target" ;; esac
done
# The names a build calls them by.
ln -s i686-linux-gnu-gcc-12 "$stage/usr/bin/gcc"
ln -s i686-linux-gnu-gcc-12 "$stage/usr/bin/cc"
ln -s i686-linux-gnu-ld.bfd "$stage/usr/bin/ld"
for tool in as ar nm strip objcopy; do
	ln -s "i686-linux-gnu-$tool" "$stage/usr/bin/$tool"
done
mapfile -t programs < <(find "$stage" -type f -perm -u+x \( -path '*/bin/*' -o -path "*/$gcclib/*" \))
nlibs=$(elf_closure "$root" "$stage" "${programs[@]}")
# A link to what was not staged would fail only inside the guest.
broken=$(find "$stage" -type l | while read -r link; do
	target=$(readlink "$link")
	case $target in /*) path=$stage$target ;; *) path=$(dirname "$link")/$target ;; esac
	[ -e "$path" ] || [ -L "$path" ] || echo "  ${link#"$stage"/} -> $target"
done)
[ -z "$broken" ] || die "links to what was not staged:
$broken"
cp "$root/versions" "$stage/versions"
rm -rf "$out"
mv "$stage" "$out"
say "staged the i386 toolchain and $nlibs libraries in $out ($(du -sh "$out" | cut -f1))"
