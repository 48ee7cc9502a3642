#!/bin/bash
# Build the project's 32-bit Linux 6.1 kernel in the cache.
#
# usage: build-kernel.sh
#
# 1. Unpack Debian's linux-source-6.1 and apply guest-patches/series in a
#    staging tree; copy into the working tree only the files whose contents
#    changed, so make rebuilds just what a patch touched.
# 2. Configure (allnoconfig + kernel/i386.config) when the fragment changed,
#    and check every line of the fragment made it into .config.
# 3. make bzImage, vmlinux, modules_prepare and modules (the last writes
#    Module.symvers, which `make M=` builds of lg.ko link against).
#
# Prints the paths of the results and how long it took.
set -eu
. "$(dirname "$0")/common.sh"

tarball=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
fragment=$TOP/kernel/i386.config
patches=$TOP/guest-patches
cache=$(cache_dir)
tree=$cache/linux
obj=$(kernel_build_dir)
jobs=${JOBS:-$(nproc)}

[ -f "$tarball" ] || die "$tarball not found: install linux-source-6.1 (scripts/install-deps.sh)"
start=$(date +%s)

# Every clone on the machine shares the cache: one build at a time.
exec 9>"$cache/.build-lock"
if ! flock -n 9; then
	say "waiting for another build of the kernel cache to finish"
	flock 9
fi

# --- 1. source tree -----------------------------------------------------
# The stamp names exactly what the tree was made from, by content only, so
# that clones at different paths share it.
src_stamp=$( {
	stat -c '%n %s %Y' "$tarball"
	cat "$patches/series"
	grep -v '^[[:space:]]*\(#\|$\)' "$patches/series" | while read -r p _; do
		{ sha256sum <"$patches/$p" || echo "missing"; } 2>/dev/null | sed "s|-\$|$p|"
	done
} | sha256sum | cut -d' ' -f1)

if [ "$(cat "$tree/.project-stamp" 2>/dev/null)" != "$src_stamp" ]; then
	staging=$cache/linux.staging
	rm -rf "$staging"
	mkdir -p "$staging"
	say "unpacking $(basename "$tarball")"
	tar -xJf "$tarball" -C "$staging" --strip-components=1
	"$TOP/scripts/apply-series.sh" "$staging" "$patches"
	if [ -d "$tree" ]; then
		say "updating changed files in $tree"
		# No -t: a file whose contents changed gets a new mtime (so make
		# rebuilds it), an unchanged one keeps its old mtime.
		rsync -rlc --delete --exclude=/.project-stamp "$staging/" "$tree/"
		rm -rf "$staging"
	else
		mv "$staging" "$tree"
	fi
	echo "$src_stamp" >"$tree/.project-stamp"
fi

# --- 2. configuration ---------------------------------------------------
kmake() {
	make -C "$tree" O="$obj" ARCH=i386 -j"$jobs" "$@"
}
mkdir -p "$obj"
cfg_stamp=$(cat "$fragment" "$tree/.project-stamp" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$obj/.config-stamp" 2>/dev/null)" != "$cfg_stamp" ] || [ ! -f "$obj/.config" ]; then
	say "configuring: allnoconfig + $(basename "$fragment")"
	kmake KCONFIG_ALLCONFIG="$fragment" allnoconfig >"$obj/config.log" 2>&1 ||
		{ tail -20 "$obj/config.log" >&2; die "kernel configuration failed"; }
	# Kconfig silently drops a symbol whose dependencies are unmet: catch it.
	missing=$(grep -E '^(CONFIG_|# CONFIG_)' "$fragment" | while read -r line; do
		case $line in
		'# '*) sym=${line#\# }; sym=${sym%% *}
			grep -q "^$sym=" "$obj/.config" && echo "  $line" ;;
		*) grep -qxF "$line" "$obj/.config" || echo "  $line" ;;
		esac
	done)
	[ -z "$missing" ] || die "these fragment lines did not survive Kconfig:
$missing"
	echo "$cfg_stamp" >"$obj/.config-stamp"
fi

# --- 3. build -----------------------------------------------------------
say "building bzImage, vmlinux, modules with $jobs jobs (log: $obj/build.log)"
# A long build prints one progress line per 250 compiled files.
set -o pipefail
if ! kmake bzImage vmlinux modules_prepare modules 2>&1 | tee "$obj/build.log" |
	awk '/^  CC /{ if (++n % 250 == 0) { printf "  ... %d files compiled\n", n; fflush() } }
	     END { printf "  %d files compiled\n", n }' >&2; then
	tail -30 "$obj/build.log" >&2
	die "kernel build failed (full log: $obj/build.log)"
fi

end=$(date +%s)
say "kernel ready in $((end - start)) s: $obj/arch/x86/boot/bzImage"
