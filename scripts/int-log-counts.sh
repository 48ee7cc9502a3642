#!/bin/bash
# Sum up a QEMU -d int log (vm-run.sh -L): how many exceptions and
# interrupts the CPU took, by vector, by the privilege level it was at
# (CPL), and by the page directory it was on (cr3).
#
# usage: int-log-counts.sh LOG
#
# Prints CSV, vector,cpl,cr3,count, the vector and cr3 in hex, most
# frequent first.  Unlike the instruction-class plugin, the log sees the
# CPU's state: CPL tells the guest's kernel (1) from the host's (0) and
# user space (3), and cr3 tells the worlds apart.  Each event is a line
# "N: v=VV e=EEEE i=I cpl=C ..." followed by the CPU's registers, among
# them a line beginning "CR0=" that holds CR3.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $(basename "$0") LOG"
[ -f "$1" ] || die "no such log: $1"
echo "vector,cpl,cr3,count"
awk '
	/^ *[0-9]+: v=[0-9a-f]+ / {
		for (i = 2; i <= NF; i++) {
			if ($i ~ /^v=/) v = substr($i, 3)
			if ($i ~ /^cpl=/) cpl = substr($i, 5)
		}
		pending = 1
		next
	}
	pending && /^CR0=/ {
		for (i = 1; i <= NF; i++)
			if ($i ~ /^CR3=/) n[v "," cpl "," substr($i, 5)]++
		pending = 0
	}
	END { for (k in n) print k "," n[k] }
' "$1" | sort -t, -k4,4nr -k1,3
