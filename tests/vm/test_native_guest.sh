#!/bin/bash
# The "native-guest" configuration: the Linux guest's own kernel
# configuration with lguest off and the delta of kernel/i386-native-guest.config,
# booted natively by QEMU.  A quick pass of the native suite through the
# matrix runner must give every series native gives, and the boot must be
# that kernel's: uniprocessor (the host kernel is SMP), paravirt ops on
# bare hardware (not an lguest guest), in the Linux guest's 448 MiB, its
# TSC calibrated (against ACPI's PM timer, under TCG's wall clock: the
# delta's reason for ACPI); the console free of oopses and warnings; meta.json
# records the delta; and there is no counting boot (no perf events in that
# kernel) to fail.  No path-length boot (-i 0): test_bench_e2e tests that.
. "$(dirname "$0")/../lib.sh"
scratch
check "the matrix runs native-guest" "$TOP/scripts/run-matrix.sh" -o "$SCRATCH" \
	-c native-guest -p quick -b 1 -r 2 -w 0 -i 0 >/dev/null 2>"$SCRATCH/err"
r=$(find "$SCRATCH" -mindepth 1 -maxdepth 1 -type d)
[ "$failures" = 0 ] && [ -n "$r" ] || { tail -30 "$SCRATCH/err"; finish; }

"$TOP/scripts/suite.sh" expected native-guest >"$SCRATCH/expected"
check "the same series as native" \
	[ "$(cat "$SCRATCH/expected")" = "$("$TOP/scripts/suite.sh" expected native)" ]
check "every series present, finite, positive" \
	"$BUILD/tools/benchcsv" verify "$SCRATCH/expected" "$r/raw.csv"
check "every row is native-guest's, two repetitions each" \
	[ -z "$(awk -F, 'NR > 1 && ($1 != "native-guest" || $5 > 2)' "$r/raw.csv")" ]

log=$r/logs/native-guest-boot1.log
tr -d '\r' <"$log" >"$SCRATCH/console"
check "the kernel printed its banner" grep -q '^\[ *[0-9.]*\] Linux version 6\.1\.' "$SCRATCH/console"
refute "a uniprocessor kernel, not the SMP host kernel" \
	grep -q '^\[ *[0-9.]*\] Linux version 6\.1\..* SMP ' "$SCRATCH/console"
check "paravirt ops on bare hardware: not an lguest guest" \
	grep -q 'Booting paravirtualized kernel on bare hardware' "$SCRATCH/console"
mem=$(sed -n 's/^.*Memory: [0-9]*K\/\([0-9]*\)K available.*$/\1/p' "$SCRATCH/console")
check "in the Linux guest's 448 MiB (${mem:-?} KiB of RAM)" \
	[ "${mem:-0}" -gt $((400 * 1024)) -a "${mem:-0}" -le $((448 * 1024)) ]
check "the TSC calibrated" grep -qE 'tsc: Detected [0-9]+\.[0-9]+ MHz processor' "$SCRATCH/console"
refute "no oops, BUG, WARNING or panic" \
	grep -qE 'Oops|BUG:|WARNING:|Kernel panic|Call Trace' "$SCRATCH/console"

delta=$TOP/kernel/i386-native-guest.config
check "meta.json names the delta and its hash" grep -q \
	"\"native_guest_delta\": \"i386-native-guest.config sha256:$(sha256sum <"$delta" | cut -d' ' -f1)\"" \
	"$r/meta.json"
check "meta.json lists the delta's options" grep -q \
	"\"native_guest_delta_options\": \"$(grep -E '^(# )?CONFIG_' "$delta" | paste -sd';' -)\"" "$r/meta.json"
check "meta.json: the Linux guest's memory" grep -q '"linux_guest_mem_mib": "448"' "$r/meta.json"
check "no counting boot: no perf events in this kernel" [ ! -e "$r/logs/native-guest-perf.log" ]
check "perf.csv holds its header only" [ "$(wc -l <"$r/perf.csv")" = 1 ]
finish
