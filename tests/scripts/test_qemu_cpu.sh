#!/bin/bash
# The VMs' CPU model (common.sh's qemu_cpu): under TCG every feature
# lguest cares about, all emulated; under KVM only those the host CPU has,
# so that KVM neither drops a feature nor emulates UMIP by exiting on every
# descriptor-table instruction; QEMU_CPU over both.
. "$(dirname "$0")/../lib.sh"
. "$TOP/scripts/common.sh"
# is WANT COMMAND...: the command prints WANT.
is() {
	local want=$1 got
	shift
	got=$("$@")
	check "$* gives '$want' (got '$got')" [ "$got" = "$want" ]
}
unset QEMU_CPU
all=qemu32,+pae,+nx,+smep,+smap,+umip
is "$all" qemu_cpu tcg
is "$all" qemu_cpu tcg "fpu vme"
is "$all" qemu_cpu kvm "fpu vme pae tsc nx smep smap umip"
# An Intel Broadwell: SMEP and SMAP, no UMIP.
is qemu32,+pae,+nx,+smep,+smap qemu_cpu kvm "fpu pae tsc nx smep bmi2 smap"
# No feature at all; then names that only contain the features' names.
is qemu32 qemu_cpu kvm "fpu vme tsc"
is qemu32 qemu_cpu kvm "fpu xsmep smap2 nx_fake umipx"
# The flags are read from /proc/cpuinfo when not given.
is "qemu32$(cpu_features_on_host "$CPU_FEATURES" "$(host_cpu_flags)" | sed 's/^./,&/')" qemu_cpu kvm
QEMU_CPU=host
is host qemu_cpu kvm
is host qemu_cpu tcg
QEMU_CPU=qemu32,+pae
is qemu32,+pae qemu_cpu kvm "fpu pae nx smep smap umip"
finish
