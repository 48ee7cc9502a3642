#!/bin/sh
# The workload: build busybox from source with Debian's i386 toolchain,
# inside whatever kernel runs this (the Linux guest under lg.ko, or the VM's
# own kernel), and print what a matrix step takes.
#
# usage: build-busybox.sh [TARGET...]
#
# The tree (Debian's busybox source with workload/busybox.config as its
# .config) and the toolchain are where Makefile's workload-initramfs
# put them: /workload/busybox and /usr, /lib.  With no TARGET, "make -j1
# busybox" builds everything and the built busybox must run; with TARGETs
# (objects such as libbb/xfuncs.o), one make builds just those (and what
# they need: the configuration, the generated headers), for a short check.  The build is reproducible: no timestamp, host or user name
# reaches an object (KCONFIG_NOTIMESTAMP drops the configuration's
# timestamp; the tree is at the same path everywhere; the archives are
# deterministic in Debian's binutils), so every kernel must produce the same
# bytes.  Output, one line each:
#
#	WORKLOAD-STEP target=<targets, comma-separated> ms=<milliseconds>
#	WORKLOAD-FAULTS minor=<n> major=<n>  the build's page faults
#	WORKLOAD-SYSCALLS calls=<n>          its system calls (lguest only)
#	WORKLOAD-OBJECTS compiled=<objects the compiler wrote>
#	WORKLOAD-HASH <sha256> <path>       for each object, and the binary
#	WORKLOAD-RAN busybox true           when the binary ran
#
# The milliseconds are the running kernel's clock: under QEMU's TCG they
# say nothing about hardware.  The page faults are the kernel's count for
# make and everything it ran (a shell's children's faults, from
# /proc/PID/stat, once it has waited for make): the guest's word, a
# cross-check of the host's counts.  So are the system calls, which an
# lguest guest's kernel counts (/proc/lguest/syscalls, guest patch 0031;
# a kernel without it prints no line): from just before the window opens
# to just after it closes, so make's and those of the few commands around
# it, the window's marks included.  Under lguest the make is also a bench
# window, busybox_build repetition 1 of one operation, marked through the
# guest kernel's /proc/lguest/window, so the launcher counts its world
# switches and exits itself (launcher -w busybox_build:1:1:op).  The exit
# status is make's, or 1 when the binary does not run.
set -eu
export PATH=/usr/bin:/bin LC_ALL=C TZ=UTC KCONFIG_NOTIMESTAMP=1
cd /workload/busybox

# Milliseconds since boot, from the kernel's clock.
now_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# mark_window PHASE: the start (0) or the end (1) of the busybox_build
# window, as one 48-byte struct lguest_bench_window in a single write:
# magic "WDNW", phase, repetition 1 and one operation (little-endian 32-bit
# words), the name padded with NULs to 32 bytes.  Natively, nothing.
mark_window() {
	local pad='\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'

	[ -e /proc/lguest/window ] || return 0
	printf "WDNW\\$1\\0\\0\\0\\1\\0\\0\\0\\1\\0\\0\\0busybox_build$pad" >/proc/lguest/window
}

# The guest kernel's count of system calls so far, if it keeps one.
syscalls() {
	[ ! -e /proc/lguest/syscalls ] || cat /proc/lguest/syscalls
}

[ $# -gt 0 ] || set -- busybox
calls_before=$(syscalls)
start=$(now_ms)
mark_window 0
# CROSS_COMPILE names the tools by path: the busybox shell make runs its
# commands with prefers its own applets (ar among them) to $PATH.  The
# inner shell reads its own children's faults once make is done.
faults=$(sh -c 'make -j1 CROSS_COMPILE=/usr/bin/ "$@" >make.log 2>&1 || exit 1
	cut -d" " -f11,13 /proc/$$/stat' make "$@") || {
	tail -40 make.log
	exit 1
}
mark_window 1
ms=$(($(now_ms) - start))
calls_after=$(syscalls)
echo "WORKLOAD-STEP target=$(echo "$@" | tr ' ' ,) ms=$ms"
echo "WORKLOAD-FAULTS minor=${faults% *} major=${faults#* }"
[ -z "$calls_before" ] || echo "WORKLOAD-SYSCALLS calls=$((calls_after - calls_before))"
echo "WORKLOAD-OBJECTS compiled=$(grep -c '^  CC ' make.log || true)"
find . -name '*.o' | sort | while read -r obj; do
	echo "WORKLOAD-HASH $(sha256sum "$obj")"
done
[ ! -f busybox ] || {
	echo "WORKLOAD-HASH $(sha256sum busybox)"
	./busybox true
	echo "WORKLOAD-RAN busybox true"
}
