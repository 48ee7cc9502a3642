# Shared shell helpers, sourced by the project's scripts (not run on its own).
#
# Every slow artefact (the kernel tree, its build, the initramfs) lives in a
# cache outside the git clone, so a fresh clone on a warm machine reuses it.

# The project's root, whichever script sourced us.
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Where slow artefacts go: $LGUEST_CACHE, or a folder in the user's cache.
cache_dir() {
	local d=${LGUEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lguest-m012}
	mkdir -p "$d"
	(cd "$d" && pwd)
}

# fetch_source PACKAGE VERSION SCRATCH: Debian's source package
# PACKAGE=VERSION unpacked in the folder SCRATCH (apt-get source unpacks
# into the current folder, under a name of its own); prints the unpacked
# tree's path.  The caller moves what it keeps into place and removes
# SCRATCH.
fetch_source() {
	say "fetching Debian's $1 source $2 (once per version)"
	(cd "$3" && apt-get source -q "$1=$2" >&2) || die "apt-get source $1=$2 failed"
	find "$3" -mindepth 1 -maxdepth 1 -type d -name "$1-*"
}

# Print a message prefixed with the script's name on stderr.
say() {
	printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

# Stop with a clear message and a non-zero status.
die() {
	say "error: $*"
	exit 1
}

# The kernel source tarball: Debian's linux-source-6.1 unless overridden.
kernel_tarball() {
	echo "${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.1.tar.xz}"
}

# What this clone's kernel is made of, as one short hash: the tarball (name,
# size, mtime), the patch series and every patch in it, and the
# configuration fragment.  The cache keeps one tree per key, so clones that
# differ in any of these never build over each other's tree, and clones at
# different paths that agree share one.
kernel_key() {
	local tarball patches=$TOP/guest-patches
	tarball=$(kernel_tarball)
	{
		stat -c '%n %s %Y' "$tarball" 2>/dev/null || echo "missing $tarball"
		cat "$patches/series"
		grep -v '^[[:space:]]*\(#\|$\)' "$patches/series" | while read -r p _; do
			{ sha256sum <"$patches/$p" || echo "missing"; } 2>/dev/null | sed "s|-\$|$p|"
		done
		cat "$TOP/kernel/i386.config"
	} | sha256sum | cut -c1-16
}

# This clone's kernel source tree in the cache (scripts/build-kernel.sh
# makes it), and its build directory (O=) inside it.
kernel_tree_dir() {
	echo "$(cache_dir)/kernel-$(kernel_key)"
}
kernel_build_dir() {
	echo "$(kernel_tree_dir)/kbuild"
}

# kernel_configure TREE OBJ FRAGMENT STAMP WHAT: configure the build in OBJ
# as allnoconfig plus FRAGMENT, unless OBJ/.config-stamp already says
# STAMP; then check every line of the fragment survived Kconfig, which
# silently drops a symbol whose dependencies are unmet.  WHAT names the
# kernel in messages.
kernel_configure() {
	local tree=$1 obj=$2 fragment=$3 stamp=$4 what=$5 missing
	mkdir -p "$obj"
	if [ "$(cat "$obj/.config-stamp" 2>/dev/null)" = "$stamp" ] && [ -f "$obj/.config" ]; then
		return 0
	fi
	say "configuring the $what: allnoconfig + $(basename "$fragment")"
	make -C "$tree" O="$obj" ARCH=i386 KCONFIG_ALLCONFIG="$fragment" allnoconfig \
		>"$obj/config.log" 2>&1 ||
		{ tail -20 "$obj/config.log" >&2; die "$what configuration failed"; }
	missing=$(grep -E '^(CONFIG_|# CONFIG_)' "$fragment" | while read -r line; do
		case $line in
		'# '*) sym=${line#\# }; sym=${sym%% *}
			grep -q "^$sym=" "$obj/.config" && echo "  $line" ;;
		*) grep -qxF "$line" "$obj/.config" || echo "  $line" ;;
		esac
	done)
	[ -z "$missing" ] || die "these lines of $(basename "$fragment") did not survive Kconfig:
$missing"
	echo "$stamp" >"$obj/.config-stamp"
}

# kernel_make TREE OBJ WHAT TARGET...: build the targets with ${JOBS:-nproc}
# jobs, the full output in OBJ/build.log and one progress line per 250
# compiled files on stderr.  WHAT names the kernel in messages.
kernel_make() {
	local tree=$1 obj=$2 what=$3 jobs=${JOBS:-$(nproc)}
	shift 3
	say "building the $what ($*) with $jobs jobs (log: $obj/build.log)"
	set -o pipefail
	if ! make -C "$tree" O="$obj" ARCH=i386 -j"$jobs" "$@" 2>&1 | tee "$obj/build.log" |
		awk '/^  CC /{ if (++n % 250 == 0) { printf "  ... %d files compiled\n", n; fflush() } }
		     END { printf "  %d files compiled\n", n }' >&2; then
		tail -30 "$obj/build.log" >&2
		die "$what build failed (full log: $obj/build.log)"
	fi
}

# Where unpacked Debian packages, and the loader, keep shared libraries.
ELF_LIB_DIRS="lib/i386-linux-gnu usr/lib/i386-linux-gnu lib usr/lib"

# elf_closure ROOT STAGE ELF...: copy into STAGE/lib, flat (where the
# dynamic loader looks first), every shared library the ELFs load, found by
# following NEEDED entries from library to library in ROOT's library
# folders (packages unpacked with dpkg-deb -x).  A library STAGE already
# holds in one of those folders stays where it is; one that ROOT lacks is
# an error, named.  Prints how many libraries the ELFs load.
elf_closure() {
	local root=$1 stage=$2 elf soname d lib
	local -a todo
	local -A seen=()
	shift 2
	todo=("$@")
	mkdir -p "$stage/lib"
	while [ ${#todo[@]} -gt 0 ]; do
		elf=${todo[0]}
		todo=("${todo[@]:1}")
		for soname in $(objdump -p "$elf" | awk '$1 == "NEEDED" { print $2 }'); do
			[ -z "${seen[$soname]:-}" ] || continue
			seen[$soname]=1
			lib=
			for d in $ELF_LIB_DIRS; do
				if [ -e "$stage/$d/$soname" ]; then
					lib=$stage/$d/$soname
					break
				fi
			done
			if [ -z "$lib" ]; then
				for d in $ELF_LIB_DIRS; do
					[ -e "$root/$d/$soname" ] || continue
					lib=$root/$d/$soname
					cp -L "$lib" "$stage/lib/$soname"
					break
				done
			fi
			[ -n "$lib" ] || die "no unpacked package provides $soname"
			todo+=("$lib")
		done
	done
	echo ${#seen[@]}
}

# Emit gen_init_cpio spec lines that put host path $1 (a file or a whole
# directory) at guest path $2, with the parent directories it needs.
cpio_spec_for() {
	local src=$1 dst=$2 p rel
	p=$(dirname "$dst")
	while [ "$p" != / ]; do
		echo "dir $p 0755 0 0"
		p=$(dirname "$p")
	done | tac
	if [ -d "$src" ]; then
		echo "dir $dst 0755 0 0"
		(cd "$src" && find . -mindepth 1 | sort) | while read -r rel; do
			rel=${rel#./}
			if [ -L "$src/$rel" ]; then
				echo "slink $dst/$rel $(readlink "$src/$rel") 0777 0 0"
			elif [ -d "$src/$rel" ]; then
				echo "dir $dst/$rel 0755 0 0"
			else
				echo "file $dst/$rel $src/$rel $(stat -c %a "$src/$rel") 0 0"
			fi
		done
	else
		[ -f "$src" ] || die "no such file: $src"
		echo "file $dst $(cd "$(dirname "$src")" && pwd)/$(basename "$src") $(stat -c %a "$src") 0 0"
	fi
}

# is_fraction VALUE: whether VALUE is a plain decimal such as 0.01.
is_fraction() {
	case $1 in '' | *[!0-9.]* | *.*.* | .) return 1 ;; esac
}

# Pack the gen_init_cpio spec on stdin into the newc archive $1, atomically;
# its directories and links dated $2 (seconds since the epoch) when given,
# else now (files keep their own mtimes).
# Uncompressed on purpose: the VM runner appends a second archive, and the
# kernel finds it only where the first one ends 4-byte aligned.
cpio_pack() {
	local out=$1 gen
	gen=$(kernel_build_dir)/usr/gen_init_cpio
	[ -x "$gen" ] || die "$gen missing: build the kernel first (make kernel)"
	"$gen" ${2:+-t "$2"} - >"$out.tmp" || { rm -f "$out.tmp"; die "packing $out failed"; }
	mv "$out.tmp" "$out"
}

# Order gen_init_cpio spec lines so every directory comes once, before
# anything inside it; other lines keep their order.
cpio_spec_sorted() {
	local lines
	lines=$(cat)
	printf '%s\n' "$lines" | awk '$1 == "dir"' | sort -u -k2,2
	printf '%s\n' "$lines" | awk '$1 != "dir"'
}

# The virtual CPU, chosen on purpose: a plain 32-bit model (which has the
# TSC, lguest's clock) plus exactly the features that matter to lguest: PAE
# and NX (for a PAE walker), and SMEP, SMAP and UMIP, which a modern host
# turns on and a ring-1 guest kernel and the Switcher must live with.  The
# names are QEMU's, and also /proc/cpuinfo's.
CPU_BASE_MODEL=qemu32
CPU_FEATURES="pae nx smep smap umip"

# cpu_features_on_host FEATURES HOST_FLAGS: QEMU's "+f" for each word of
# FEATURES that HOST_FLAGS (a cpuinfo "flags" line) has, comma-joined.
cpu_features_on_host() {
	local f out=
	for f in $1; do
		case " $2 " in *" $f "*) out=$out,+$f ;; esac
	done
	echo "${out#,}"
}

# The host CPU's feature flags, as /proc/cpuinfo's first "flags" line.
host_cpu_flags() {
	sed -n 's/^flags[[:space:]]*: //p' /proc/cpuinfo | head -1
}

# qemu_cpu ACCEL [HOST_FLAGS]: the -cpu argument for a VM on ACCEL.
# $QEMU_CPU wins when set ("host" included, which only KVM can give).
# Under TCG the model has every feature, all emulated.  Under KVM it has
# only those the host CPU has (HOST_FLAGS, by default /proc/cpuinfo's):
# KVM cannot give a guest SMEP or SMAP the hardware lacks, and it emulates
# a missing UMIP by making every sgdt, sidt, sldt, str and smsw exit, which
# would add exits to every number measured.
qemu_cpu() {
	local flags=$CPU_FEATURES features
	if [ -n "${QEMU_CPU:-}" ]; then
		echo "$QEMU_CPU"
		return
	fi
	[ "$1" != kvm ] || flags=${2-$(host_cpu_flags)}
	features=$(cpu_features_on_host "$CPU_FEATURES" "$flags")
	echo "$CPU_BASE_MODEL${features:+,$features}"
}

# runs_natively CONFIG: whether the benchmark configuration runs
# bench/suite.conf's programs on the VM's own kernel (the host kernel, or
# the Linux guest's configuration booted natively), with no launcher.
runs_natively() {
	case $1 in native | native-guest) ;; *) return 1 ;; esac
}

# Status the probe payload makes QEMU exit with: (0x31 << 1) | 1.
KVM_PROBE_OK=99

# The project's git revision, "-dirty" when tracked files outside results/
# have uncommitted changes.
project_rev() {
	local rev
	rev=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
	[ -z "$(git -C "$TOP" status --porcelain --untracked-files=no -- . ':!results' 2>/dev/null)" ] ||
		rev=$rev-dirty
	echo "$rev"
}

# meta_value DIR KEY: one string value of DIR's meta.json, a flat object
# as json_object writes it (nothing when the key or the file is missing).
meta_value() {
	[ -f "$1/meta.json" ] || return 0
	sed -n "s/^  \"$2\": \"\(.*\)\",\{0,1\}\$/\1/p" "$1/meta.json"
}

# A flat JSON object from KEY VALUE pairs, values as strings.
json_object() {
	local sep=
	echo "{"
	while [ $# -ge 2 ]; do
		printf '%s  "%s": "%s"' "$sep" "$1" "$(printf '%s' "$2" | sed 's/\\/\\\\/g; s/"/\\"/g')"
		sep=$',\n'
		shift 2
	done
	printf '\n}\n'
}

# results_meta_pairs [ACCEL]: the metadata every results folder carries, as
# KEY VALUE pairs for json_object, the CPU model the one VMs on ACCEL (by
# default tcg) get; the caller adds what is particular to its run.
results_meta_pairs() {
	echo git_rev; echo "${RESULTS_REV:-$(project_rev)}"
	echo kernel_pkg_version; dpkg-query -W -f='${Version}\n' linux-source-6.1 2>/dev/null || echo unknown
	echo qemu_version; qemu-system-i386 --version | head -1
	echo cpu_model; qemu_cpu "${1:-tcg}"
	echo host_cpu; sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1
	echo host_kernel; uname -r
	echo date; date -u +%Y-%m-%dT%H:%M:%SZ
}

# Start a results folder: a hidden partial one under $1, removed again
# unless results_publish renames it.  Its name carries this shell's PID, so
# that the stale partial folders removed here are only those of runs that
# died: another run writing into the same root at the same time (a matrix
# and an event count, say) keeps its own.
results_begin() {
	local old owner
	mkdir -p "$1"
	for old in "$1"/.partial-*; do
		[ -d "$old" ] || continue
		owner=${old##*/.partial-}
		owner=${owner%%-*}
		case $owner in
		'' | *[!0-9]*) ;;
		*) ! kill -0 "$owner" 2>/dev/null || continue ;;
		esac
		rm -rf "$old"
	done
	RESULTS_PARTIAL=$(mktemp -d "$1/.partial-$$-XXXXXX")
	chmod 755 "$RESULTS_PARTIAL"
	trap 'rm -rf "$RESULTS_PARTIAL"' EXIT
}

# Rename the partial folder to $1/<YYYYmmdd-HHMMSS>-<rev> and print its path.
# RESULTS_REV, when set, is the revision (taken when the run began).
results_publish() {
	local final
	final=$1/$(date -u +%Y%m%d-%H%M%S)-${RESULTS_REV:-$(project_rev)}
	mv "$RESULTS_PARTIAL" "$final"
	trap - EXIT
	say "results in $final"
	echo "$final"
}
