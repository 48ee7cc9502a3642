#!/bin/bash
# The native-guest kernel is the Linux guest's configuration and its delta
# (kernel/i386-native-guest.config), nothing more: compare the .config
# files the two builds made (scripts/build-guest-kernel.sh, with and
# without --native).
#
# - Every option the delta names really differs between the two: no line
#   restates the guest's choice.
# - Every other symbol that differs is brought in or left out by the delta:
#   it has a value on one side only (a menu or dependency the delta opens
#   or closes, such as ACPI's sub-options, or HVC_DRIVER, which only
#   lguest's console selected), or an option the delta turns on selects
#   it (ACPI selects CRC32 and NLS).  A difference with neither story is a
#   choice the delta does not own up to, and fails the test.
# - Every option line of the delta sits under a comment saying why.
. "$(dirname "$0")/../lib.sh"
scratch
delta=$TOP/kernel/i386-native-guest.config
tree=$(dirname "$("$TOP/scripts/kernel-dir.sh" --guest)")
guest=$("$TOP/scripts/kernel-dir.sh" --guest)/.config
native=$("$TOP/scripts/kernel-dir.sh" --native-guest)/.config
for f in "$guest" "$native"; do
	[ -f "$f" ] || { fail "$f missing: build both kernels first (make initramfs)"; finish; }
done

# values CONFIG: "SYMBOL VALUE" lines, "n" for "is not set", sorted.
values() {
	sed -n 's/^# CONFIG_\([A-Za-z0-9_]*\) is not set$/\1 n/p; s/^CONFIG_\([A-Za-z0-9_]*\)=\(.*\)$/\1 \2/p' "$1" |
		sort
}
values "$guest" >"$SCRATCH/guest"
values "$native" >"$SCRATCH/native"
sed -n 's/^\(# \)\{0,1\}CONFIG_\([A-Za-z0-9_]*\)[ =].*/\2/p' "$delta" | sort -u >"$SCRATCH/delta"
check "the delta names options" [ -s "$SCRATCH/delta" ]

# value FILE SYMBOL: its value there, "-" where it has none.
value() {
	awk -v s="$2" '$1 == s { v = $2 } END { print (v == "" ? "-" : v) }' "$1"
}
while read -r sym; do
	g=$(value "$SCRATCH/guest" "$sym") n=$(value "$SCRATCH/native" "$sym")
	# No value and "is not set" both mean off.
	[ "$g" != - ] || g=n
	[ "$n" != - ] || n=n
	check "the delta's CONFIG_$sym differs from the guest's ($g -> $n)" [ "$g" != "$n" ]
done <"$SCRATCH/delta"

# What the delta's options select, from the tree's Kconfig files: the
# "select" lines of each one's entry.
find "$tree" -path "$tree/kbuild*" -prune -o -name 'Kconfig*' -type f -print0 |
	xargs -0 awk '
		/^(menu)?config / { sym = $2; next }
		/^[a-z]/ { sym = "" }
		sym != "" && $1 == "select" { print sym, $2 }' >"$SCRATCH/selects"
check "the tree's Kconfig files read" grep -q '^ACPI ' "$SCRATCH/selects"
# selected SYMBOL: an option the delta turns on selects it.
selected() {
	local on
	while read -r on; do
		[ "$(value "$SCRATCH/native" "$on")" = y ] &&
			grep -qx "$on $1" "$SCRATCH/selects" && return 0
	done <"$SCRATCH/delta"
	return 1
}

join -a1 -a2 -e - -o 0,1.2,2.2 "$SCRATCH/guest" "$SCRATCH/native" |
	awk '$2 != $3' >"$SCRATCH/differ"
check "the two configurations differ" [ -s "$SCRATCH/differ" ]
unexplained=
while read -r sym g n; do
	grep -qx "$sym" "$SCRATCH/delta" && continue
	[ "$g" != - ] && [ "$n" != - ] || continue
	selected "$sym" || unexplained="$unexplained CONFIG_$sym ($g -> $n)"
done <"$SCRATCH/differ"
check "every other difference comes with the delta's options:${unexplained:- none unexplained}" \
	[ -z "$unexplained" ]

# Each option line follows a comment or another option line, and each
# paragraph of options opens with a comment.
check "every option of the delta is under a comment saying why" awk '
	/^(# )?CONFIG_/ { if (prev == "") bad = 1; prev = "opt"; next }
	/^#/ { prev = "comment"; next }
	{ prev = "" }
	END { exit bad }' "$delta"
finish
