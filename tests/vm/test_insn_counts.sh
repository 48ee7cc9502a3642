#!/bin/bash
# The instruction-class plugin (tools/insn-plugin), which shares nothing
# with lg.ko, against the module's own counters over the same run, under
# each build: the Switcher's instructions are fixed per trip, per
# reflection and per window, so its counts follow from the counters
# exactly, and any difference is a miscount on one side.
#
#  - cr3 writes in the Switcher: one into the guest and one home per trip
#    (world_switches counts both), two per exitless window (a fill or an
#    answered SET_PTE), and one for a window that found no shadow page
#    table and went home from there (fallback reason 8, FP_NO_SHADOW);
#  - lgdt, lidt and ltr: two per trip; CR4 writes two per trip, none where
#    the guest's CR4 is the host's (pge_off on a CPU without SMEP, SMAP
#    and UMIP: the last run); no sldt or lldt (core.c looks at the LDT
#    before the trip, and these launchers have none to drop);
#  - IDT stub entries: one per trip, less the exits that came through the
#    gates the fastpath and exitless builds point elsewhere (page faults,
#    and the exitless build's hypercalls);
#  - iret in the Switcher: one per trip, reflection, fill and SET_PTE;
#  - debug-register writes in the Switcher: one per reflection (%dr1).
# And with two virtual CPUs the plugin refuses to load.
. "$(dirname "$0")/../lib.sh"
scratch

# counter NAME: NAME summed over the run's LGUEST-COUNTERS lines; a name
# ending in _ sums every field that begins with it (hcall_: all hypercalls).
counter() {
	grep -ao 'LGUEST-COUNTERS .*' "$SCRATCH/log" | tr ' ' '\n' |
		awk -F= -v k="$1" '($1 == k || (k ~ /_$/ && index($1, k) == 1)) { s += $2 }
			END { print s + 0 }'
}
# plugin EVENT: the plugin's count of EVENT in the Switcher.
plugin() {
	awk -F, -v e="$1" '$1 == e && $2 == "switcher" { print $3 }' "$SCRATCH/counts.csv"
}
# agree WHAT PLUGIN MODULE: the two counts are the same number.
agree() {
	check "$label: $1: the plugin counted ${2:-nothing}, the counters imply $3" \
		test "${2:-none}" = "$3"
}

# Each run: BUILD [PARAMS] [CPU]: the build, lg.ko's parameters, and the
# VM's CPU model when not the default (which has SMEP, SMAP and UMIP).
for run in baseline fastpath exitless \
	"baseline pge_off=1 qemu32,+pae,+nx"; do
	read -r build params cpu <<<"$run"
	cpu_args=()
	[ -z "$cpu" ] || cpu_args=(-C "$cpu")
	rm -f "$SCRATCH/counts.csv"
	vm_job -t 600 "${cpu_args[@]+"${cpu_args[@]}"}" \
		-p "$("$TOP/scripts/insn-plugin-args.sh" "$SCRATCH/counts.csv")" \
		-f "$TOP/tests/vm/jobs/insn-counts.sh:/job/insn-counts.sh" \
		-c "sh /job/insn-counts.sh $build $params"
	label=$build${params:+ with $params on $cpu}
	check "$label: the job ran to its end (status $VM_RC)" [ "$VM_RC" = 0 ]
	check "$label: the three guests passed" [ "$(grep -c '^IC-RC 0 ' "$SCRATCH/log")" = 3 ]
	check "$label: the plugin wrote its counts" [ -s "$SCRATCH/counts.csv" ]
	slot=$(sed -n 's/^# switcher slot \(0x[0-9a-f]*\)-.*/\1/p' "$SCRATCH/counts.csv" 2>/dev/null)
	check "$label: the Switcher lies in the plugin's slot ($slot)" \
		grep -q "^lguest: Switcher at ${slot:-none}-" "$SCRATCH/log"
	check_host_log_clean

	ws=$(counter world_switches)
	trips=$((ws / 2))
	cr4_writes=$ws
	[ -z "$params" ] || cr4_writes=0
	windows=$(($(counter exitless_fills) + $(counter exitless_set_ptes)))
	reflected=$(counter fastpath_reflected)
	gated=0
	[ "$build" = baseline ] || gated=$(counter trap14)
	[ "$build" != exitless ] || gated=$((gated + $(counter hcall_)))
	check "$label: the guests made trips ($trips)" [ "$trips" -gt 300 ]
	[ "$build" = baseline ] || check "$label: the walker reflected faults ($reflected)" [ "$reflected" -ge 600 ]
	[ "$build" != exitless ] || check "$label: the Switcher answered SET_PTEs ($windows)" [ "$windows" -ge 600 ]

	agree "cr3 writes" "$(plugin cr3_write)" $((ws + 2 * windows + $(counter fastpath_fallback8)))
	for e in lgdt lidt ltr; do
		agree "$e" "$(plugin $e)" "$ws"
	done
	agree "CR4 writes" "$(plugin cr4_write)" "$cr4_writes"
	agree "IDT stub entries" "$(plugin stub_entry)" $((trips - gated))
	agree "iret" "$(plugin iret)" $((trips + reflected + windows))
	agree "debug-register writes" "$(plugin dr_write)" "$reflected"
	for e in cr0_write rdmsr wrmsr invlpg int_n sldt lldt; do
		agree "$e (none in the Switcher)" "$(plugin $e)" 0
	done
	[ "$failures" = 0 ] || { grep -a 'LGUEST-COUNTERS' "$SCRATCH/log"; cat "$SCRATCH/counts.csv"; }
done

# Its inline counters are plain adds: two virtual CPUs would race on them,
# so the plugin refuses to load and QEMU does not start.
vm_job -t 60 -s 2 -p "$("$TOP/scripts/insn-plugin-args.sh" "$SCRATCH/smp.csv")" -c true
check "two virtual CPUs: QEMU did not start (status $VM_RC)" [ "$VM_RC" = 125 ]
check "two virtual CPUs: the plugin says why" grep -q "counts one virtual CPU" "$SCRATCH/err"
check "two virtual CPUs: no counts" [ ! -e "$SCRATCH/smp.csv" ]
finish
