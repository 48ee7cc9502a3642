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
#	WORKLOAD-OBJECTS compiled=<objects the compiler wrote>
#	WORKLOAD-HASH <sha256> <path>       for each object, and the binary
#	WORKLOAD-RAN busybox true           when the binary ran
#
# The milliseconds are the running kernel's clock: under QEMU's TCG they
# say nothing about hardware.  The exit status is make's, or 1 when the
# binary does not run.
set -eu
export PATH=/usr/bin:/bin LC_ALL=C TZ=UTC KCONFIG_NOTIMESTAMP=1
cd /workload/busybox

# Milliseconds since boot, from the kernel's clock.
now_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

[ $# -gt 0 ] || set -- busybox
start=$(now_ms)
# CROSS_COMPILE names the tools by path: the busybox shell make runs its
# commands with prefers its own applets (ar among them) to $PATH.
make -j1 CROSS_COMPILE=/usr/bin/ "$@" >make.log 2>&1 || {
	tail -40 make.log
	exit 1
}
echo "WORKLOAD-STEP target=$(echo "$@" | tr ' ' ,) ms=$(($(now_ms) - start))"
echo "WORKLOAD-OBJECTS compiled=$(grep -c '^  CC ' make.log || true)"
find . -name '*.o' | sort | while read -r obj; do
	echo "WORKLOAD-HASH $(sha256sum "$obj")"
done
[ ! -f busybox ] || {
	echo "WORKLOAD-HASH $(sha256sum busybox)"
	./busybox true
	echo "WORKLOAD-RAN busybox true"
}
