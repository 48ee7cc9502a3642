# What the machine-check storms (test_mce_storm.sh and its -singlestep
# twin) share: the machine check they inject and the CPU model it needs,
# and the checks after their vm_job, besides the NMI storm's
# (nmi-storm-checks.sh), whose job they run.

# A recoverable machine check: VAL UC EN MISCV ADDRV S, MCA code 0xc0 (a
# memory scrub found an error: "action optional"), which the host's
# handler logs and survives in any context; MCG_STATUS RIPV and MCIP; a
# physical address; MISC: a physical address, page-sized.
MCE_INJECT="mce 0 1 0xbd000000000000c0 0x5 0x1000 0x8c"
# The job's word that the host handled the last one (nmi-storm.sh's
# MCE_ACK), which the runner waits for before the next (vm-run.sh -A).
MCE_ACK='MCE-ACK [0-9]+'
# TCG's usual CPU, with machine-check architecture (qemu32 has none).
MCE_CPU="$(bash -c '. "$TOP/scripts/common.sh"; qemu_cpu tcg'),+mce,+mca"

# check_mce_storm MIN: at least MIN machine checks, each through the host's
# handler (it counts them), and no guest killed for one.
check_mce_storm() {
	local mces
	mces=$(sed -n 's/.*MCES \([0-9]*\)$/\1/p' "$SCRATCH/log")
	check "machine checks really arrived (${mces:-none})" [ "${mces:-0}" -ge "$1" ]
	check "the host's handler saw them" grep -q 'mce: Uncorrected memory error' "$SCRATCH/log"
	refute "no guest was killed" grep -q 'guest killed' "$SCRATCH/log"
}
