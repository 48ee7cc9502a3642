#!/bin/bash
# Install the Debian 12 packages the project needs, and the QEMU plugin
# API's header (scripts/qemu-plugin-include.sh); quick when all are there.
#
# usage: install-deps.sh [--paper]
#
# --paper also installs the LaTeX toolchain for paper/.  Runs apt-get as
# root, through sudo for a normal user.  A package that cannot be installed
# is named in the error.  It also gives apt Debian 12's source archive
# (one file of the project's, added once), for the source packages the
# workload and the TCG plugin fetch with apt-get source.
set -eu
. "$(dirname "$0")/common.sh"

packages=(
	make gcc gcc-multilib libc6-dev-i386 bc flex bison libelf-dev libssl-dev
	cpio xz-utils patch rsync perl git dpkg-dev
	linux-source-6.1
	qemu-system-x86
	busybox-static:i386
	gnuplot-nox
)
if [ "${1:-}" = --paper ]; then
	packages+=(texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended latexmk poppler-utils)
elif [ $# -gt 0 ]; then
	die "usage: $(basename "$0") [--paper]"
fi

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}
missing=()
for p in "${packages[@]}"; do
	installed "$p" || missing+=("$p")
done
sources=/etc/apt/sources.list.d/lguest-m012-src.sources
if [ ${#missing[@]} -eq 0 ] && [ -f "$sources" ]; then
	say "all ${#packages[@]} packages present"
	"$TOP/scripts/qemu-plugin-include.sh" >/dev/null
	exit 0
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null || die "not root and no sudo: install as root: ${missing[*]} $sources"
	as_root=(sudo)
fi
# Debian 12's sources, beside the binary archive the machine already uses;
# the update below reads their lists.
if [ ! -f "$sources" ]; then
	say "adding Debian 12's source archive to apt: $sources"
	printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
		'Suites: bookworm bookworm-updates' 'Components: main' \
		'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
		"${as_root[@]}" tee "$sources" >/dev/null
fi
[ ${#missing[@]} -eq 0 ] || say "installing: ${missing[*]}"
# busybox-static:i386 needs the i386 architecture enabled first.
if ! dpkg --print-foreign-architectures | grep -qx i386; then
	"${as_root[@]}" dpkg --add-architecture i386
fi
# A mirror that is mid-sync can fail one index; the install below then says
# exactly which package is missing, so a partial update is not fatal here.
"${as_root[@]}" apt-get update -q >&2 || say "warning: apt-get update reported errors"
[ ${#missing[@]} -gt 0 ] || exit 0
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
	for p in "${missing[@]}"; do
		installed "$p" || "${as_root[@]}" apt-get install -y -q --no-install-recommends "$p" >/dev/null 2>&1 ||
			die "cannot install Debian package '$p'"
	done
fi
for p in "${missing[@]}"; do
	installed "$p" || die "Debian package '$p' is still not installed"
done
say "installed ${#missing[@]} package(s)"
"$TOP/scripts/qemu-plugin-include.sh" >/dev/null
