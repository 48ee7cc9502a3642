#!/bin/bash
# QEMU's own log of the exceptions and interrupts the CPU takes (vm-run.sh
# -L, summed by scripts/int-log-counts.sh), which sees what the plugin
# cannot, the CPL and cr3, against the module's counters: under the
# baseline build, where every hypercall is a trip, the guest kernel's
# "int $0x1f"s taken at CPL 1 are exactly its hypercall exits; and no page
# directory the guest kernel ran on is one the host's kernel ran on.
. "$(dirname "$0")/../lib.sh"
scratch
vm_job -t 600 -L "$SCRATCH/int.log" -c 'insmod /lguest/lg.ko &&
	/lguest/launcher -c "reps=2 warmup=1 ops=300" /lguest/guests/bench_null_hypercall.elf &&
	rmmod lg'
check "the job ran to its end (status $VM_RC)" [ "$VM_RC" = 0 ]
check_host_log_clean
"$TOP/scripts/int-log-counts.sh" "$SCRATCH/int.log" >"$SCRATCH/int.csv"
hcalls=$(grep -ao 'LGUEST-COUNTERS .*' "$SCRATCH/log" | tr ' ' '\n' |
	awk -F= '$1 ~ /^hcall_/ { s += $2 } END { print s + 0 }')
taken=$(awk -F, '$1 == "1f" && $2 == 1 { s += $4 } END { print s + 0 }' "$SCRATCH/int.csv")
check "the guest made its hypercalls ($hcalls)" [ "$hcalls" -ge 900 ]
check "int \$0x1f at CPL 1: $taken in QEMU's log, $hcalls hypercall exits" [ "$taken" = "$hcalls" ]
guest=$(awk -F, '$2 == 1 { print $3 }' "$SCRATCH/int.csv" | sort -u)
host=$(awk -F, '$2 == 0 { print $3 }' "$SCRATCH/int.csv" | sort -u)
check "the log holds events at CPL 1 and at CPL 0" [ -n "$guest" -a -n "$host" ]
check "no page directory both the guest's kernel and the host's ran on" \
	[ -z "$(comm -12 <(echo "$guest") <(echo "$host"))" ]
[ "$failures" = 0 ] || head -20 "$SCRATCH/int.csv"
finish
