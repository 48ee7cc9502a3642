#!/bin/bash
# Decide whether QEMU may use KVM for our 32-bit kernel, or must use TCG.
#
# usage: probe-accel.sh
#
# Prints "kvm" or "tcg" on stdout and the reason on stderr.  KVM is chosen
# only when /dev/kvm is usable AND it runs tools/kvm-probe.S (32-bit code
# with paging, on the CPU model a VM would have under KVM: qemu_cpu in
# common.sh) to completion within 5 seconds: a paravirtual
# KVM such as this machine's aborts or hangs instead.  LGUEST_ACCEL=tcg|kvm
# overrides the probe.  The answer is cached until the next host boot.
set -eu
. "$(dirname "$0")/common.sh"

case ${LGUEST_ACCEL:-} in
tcg | kvm) say "accelerator forced by LGUEST_ACCEL"; echo "$LGUEST_ACCEL"; exit 0 ;;
'') ;;
*) die "LGUEST_ACCEL must be tcg or kvm, not '$LGUEST_ACCEL'" ;;
esac

cache=$(cache_dir)
cpu=$(qemu_cpu kvm)
key="$(cat /proc/sys/kernel/random/boot_id) $(qemu-system-i386 --version | head -1) $cpu"
if [ -f "$cache/accel-probe" ] && [ "$(head -1 "$cache/accel-probe")" = "$key" ]; then
	sed -n 2p "$cache/accel-probe" >&2
	sed -n 3p "$cache/accel-probe"
	exit 0
fi

answer=tcg
if [ ! -w /dev/kvm ]; then
	why="/dev/kvm is not there or not writable"
else
	elf=$(mktemp)
	trap 'rm -f "$elf"' EXIT
	gcc -m32 -nostdlib -static -Wl,-Ttext=0x100000 -Wl,--build-id=none \
		-o "$elf" "$TOP/tools/kvm-probe.S" || die "cannot build the KVM probe"
	rc=0
	timeout -k 2 5 qemu-system-i386 -accel kvm -cpu "$cpu" -m 16 \
		-nodefaults -display none -no-reboot -monitor none \
		-device isa-debug-exit,iobase=0xf4,iosize=4 \
		-kernel "$elf" </dev/null >/dev/null 2>&1 || rc=$?
	if [ "$rc" = "$KVM_PROBE_OK" ]; then
		answer=kvm
		why="KVM ran the 32-bit paging probe"
	elif [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		why="KVM hung on the 32-bit paging probe"
	else
		why="KVM failed the 32-bit paging probe (QEMU status $rc)"
	fi
fi
why="accelerator probe: $why: using $answer"
printf '%s\n%s\n%s\n' "$key" "$why" "$answer" >"$cache/accel-probe"
echo "$why" >&2
echo "$answer"
