# Runs inside the host VM (busybox sh): under each build, the host's own
# page-table entries for the Switcher's first pages (the kernel's ptdump,
# as PTDUMP lines); a launcher with an LDT of its own runs a guest that
# tries to turn it into a gate to ring 0, and a guest probes and scribbles
# on the Switcher's slot, once forging and once not, for the test to
# compare the host's counters.
status=0
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko || exit 1
	slot=$(dmesg | sed -n 's/.*lguest: Switcher at \(0x[0-9a-f]*\)-.*/\1/p' | tail -n 1)
	grep -A 1 "^$slot-" /sys/kernel/debug/page_tables/kernel | sed "s|^|PTDUMP $ko |"
	/lguest/abi/ldt_launcher -m 8 /lguest/guests/ldt_escape.elf
	echo "LDT $ko status $?"
	for forge in 0 1; do
		line=$(/lguest/launcher -c "scribble=$forge" \
			/lguest/guests/switcher_scribble.elf 2>&1 | tee /tmp/scribble.out |
			grep '^LGUEST-COUNTERS')
		grep -E '^(FAIL|SUMMARY)' /tmp/scribble.out
		echo "SCRIBBLE $ko $forge $line"
	done
	rmmod lg || status=1
done
exit $status
