#!/bin/bash
# Print the arguments for the instruction-class plugin (vm-run.sh -p) that
# writes its counts to OUT: out=OUT,switcher=ADDR,stubs=OFFSET.
#
# usage: insn-plugin-args.sh OUT
#
# The plugin knows nothing of lg.ko but these two numbers.  ADDR is the
# Switcher's 4 MiB slot: lg.ko puts it in the top whole slot of the host
# kernel's vmalloc area, fixed by the kernel's configuration, and prints
# it as it loads ("lguest: Switcher at ADDR-..."); whoever counts checks
# that line in the run's console (switcher_slot_seen).  OFFSET is where
# the IDT stubs begin in the Switcher's text, read from the module's
# symbols; the three builds must agree, since one run may load each.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") OUT"
# The slot the host kernel's configuration (kernel/i386.config) gives.
slot=0xff400000
offsets=$(for b in baseline fastpath exitless; do
	ko=$TOP/build/module/$b/lg.ko
	[ -f "$ko" ] || die "$ko missing: run 'make module'"
	text=$(nm "$ko" | awk '$3 == "start_switcher_text" { print $1 }')
	stubs=$(nm "$ko" | awk '$3 == "switcher_idt_stubs" { print $1 }')
	[ -n "$text" ] && [ -n "$stubs" ] || die "no Switcher symbols in $ko"
	printf '%#x\n' $((0x$stubs - 0x$text))
done | sort -u)
[ "$(echo "$offsets" | wc -l)" = 1 ] ||
	die "the three builds put the IDT stubs at different offsets:" $offsets
echo "out=$1,switcher=$slot,stubs=$offsets"
