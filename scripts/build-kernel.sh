#!/bin/bash
# Build the project's 32-bit Linux 6.1 kernel in the cache.
#
# usage: build-kernel.sh
#
# The cache ($LGUEST_CACHE) is shared by every clone on the machine.  It
# holds one tree per key (kernel_key in common.sh: the tarball, the patch
# series and the configuration fragment), kernel-<key>/, with its build
# directory (O=) inside it, kernel-<key>/kbuild.  A clone that differs in
# any of the three gets a tree of its own and never rebuilds another's.
#
# 1. A key seen for the first time gets its tree made aside, in
#    .new-<key>: Debian's linux-source-6.1 with guest-patches/series
#    applied, copied file by file over a copy of the most recently used
#    tree, so only the files whose contents changed get new timestamps and
#    make rebuilds just what they touch.  The tree then appears whole, by
#    one rename.
# 2. Configure (allnoconfig + kernel/i386.config) when the tree is new, and
#    check every line of the fragment made it into .config.
# 3. make bzImage, vmlinux, modules_prepare and modules (the last writes
#    Module.symvers, which `make M=` builds of lg.ko link against).
# 4. Keep the $LGUEST_KERNEL_KEEP (default 3) most recently used trees.
#
# LINUX_SOURCE_TARBALL overrides the tarball, JOBS make's -j.  Prints
# progress and, at the end, the image's path and how long it all took.
set -eu
. "$(dirname "$0")/common.sh"

tarball=$(kernel_tarball)
fragment=$TOP/kernel/i386.config
patches=$TOP/guest-patches
cache=$(cache_dir)
tree=$(kernel_tree_dir)
key=${tree##*/kernel-}
obj=$tree/kbuild
keep=${LGUEST_KERNEL_KEEP:-3}

[ -f "$tarball" ] || die "$tarball not found: install linux-source-6.1 (scripts/install-deps.sh)"
case $keep in '' | *[!0-9]* | 0) die "LGUEST_KERNEL_KEEP must be a positive number, not '$keep'" ;; esac
start=$(date +%s)

# One build at a time in the whole cache, whatever the key.
exec 9>"$cache/.build-lock"
if ! flock -n 9; then
	say "waiting for another build of the kernel cache to finish"
	flock 9
fi
# Left by an interrupted run; with the lock held, no other run is making one.
rm -rf "$cache"/.new-* "$cache"/.unpack-* "$cache"/.old-*

# --- 1. source tree -----------------------------------------------------
if [ ! -d "$tree" ]; then
	new=$cache/.new-$key
	unpacked=$cache/.unpack-$key
	mkdir "$unpacked"
	say "unpacking $(basename "$tarball") for kernel-$key"
	tar -xJf "$tarball" -C "$unpacked" --strip-components=1
	"$TOP/scripts/apply-series.sh" "$unpacked" "$patches"
	# shellcheck disable=SC2012 # names are kernel-<hex>, nothing to mangle
	seed=$(ls -1dt "$cache"/kernel-*/.last-used 2>/dev/null | head -1)
	if [ -n "$seed" ]; then
		seed=${seed%/.last-used}
		say "updating the changed files in a copy of $(basename "$seed")"
		# The build directory is inside the tree, so Kbuild names sources
		# by relative paths and the copied objects hold for the copy.
		# Hard links do for the sources (Kbuild with O= never writes
		# there, and rsync replaces a file rather than rewriting it);
		# the build directories (kbuild/, and the guest's kbuild-guest/)
		# are written to, so they are copied for real.
		cp -al "$seed" "$new"
		rm -rf "$new"/kbuild* "$new/.last-used"
		for build in "$seed"/kbuild*; do
			[ ! -d "$build" ] || cp -a "$build" "$new/"
		done
		# No -t: a file whose contents changed gets a new mtime (so make
		# rebuilds it), an unchanged one keeps its old mtime.
		rsync -rlc --delete --exclude='/kbuild*' "$unpacked/" "$new/"
		rm -rf "$unpacked"
	else
		mv -T "$unpacked" "$new"
	fi
	mv -T "$new" "$tree"
fi
touch "$tree/.last-used"

# --- 2. configuration ---------------------------------------------------
# A tree copied from another key carries that key's configuration.
kernel_configure "$tree" "$obj" "$fragment" "$key" "host kernel"

# --- 3. build -----------------------------------------------------------
kernel_make "$tree" "$obj" "host kernel" bzImage vmlinux modules_prepare modules

# --- 4. old trees -------------------------------------------------------
# shellcheck disable=SC2012 # as above
ls -1dt "$cache"/kernel-*/.last-used | tail -n +$((keep + 1)) | while read -r stamp; do
	old=${stamp%/.last-used}
	say "removing $(basename "$old"), the least recently used tree"
	# Renamed first, so no reader ever sees half a tree.
	mv -T "$old" "$cache/.old-${old##*/kernel-}"
	rm -rf "$cache/.old-${old##*/kernel-}"
done

end=$(date +%s)
say "kernel ready in $((end - start)) s: $obj/arch/x86/boot/bzImage"
