# Runs inside a two-CPU host VM (busybox sh): under each build, the host
# traces its exits and interrupt deliveries while tests/abi/irq_kick runs
# a guest spinning at ring 3 on CPU 0 and raises its line from CPU 1.
# For each delivery on CPU 0 it prints the vector of the exit just before
# it: "KICK-DELIVERY <build> <vector>".
status=0
events=/sys/kernel/tracing/events/lguest
for ko in /lguest/lg.ko /lguest/fastpath/lg.ko /lguest/exitless/lg.ko; do
	insmod $ko || exit 1
	echo 0 >/sys/kernel/tracing/tracing_on
	echo >/sys/kernel/tracing/trace
	echo 1 >$events/lguest_exit/enable
	echo 1 >$events/lguest_irq/enable
	echo 1 >/sys/kernel/tracing/tracing_on
	timeout -k 5 120 /lguest/abi/irq_kick
	echo "KICK-RC $ko $?"
	echo 0 >/sys/kernel/tracing/tracing_on
	awk -v ko=$ko '$2 != "[000]" { next }
		/ lguest_exit: / { split($0, a, "trap="); split(a[2], b, " "); last = b[1] }
		/ lguest_irq: / { print "KICK-DELIVERY " ko " " last }' \
		/sys/kernel/tracing/trace
	echo 0 >$events/lguest_exit/enable
	echo 0 >$events/lguest_irq/enable
	rmmod lg || status=1
done
exit $status
