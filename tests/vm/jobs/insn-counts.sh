# Runs inside the host VM under the instruction-class plugin: one build of
# lg.ko (the first argument: baseline, fastpath or exitless; the rest are
# the module's parameters) and the guests whose
# counters the plugin's counts are checked against: the fault benchmark,
# a guest whose faults find present entries, the hypercall benchmark.
# Each launcher prints its LGUEST-COUNTERS line; IC-RC says how it ended.
build=$1
shift
ko=/lguest/$build/lg.ko
[ "$build" != baseline ] || ko=/lguest/lg.ko
insmod "$ko" "$@" || exit 1
# Where the module put the Switcher, to check against the plugin's slot.
dmesg | grep -o "lguest: Switcher at [0-9a-fx-]*"
run() {
	/lguest/launcher "$@"
	echo "IC-RC $? $*"
}
run -c 'reps=2 warmup=1 ops=300' /lguest/guests/bench_user_fault_notpresent.elf
run /lguest/guests/user_fault_present.elf
run -c 'reps=2 warmup=1 ops=300' /lguest/guests/bench_null_hypercall.elf
rmmod lg || exit 1
