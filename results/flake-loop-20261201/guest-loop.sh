# Runs inside the host VM: the fpu_smap and timer guests, RUNS times under
# each build, each run a fresh insmod, run-guests.sh and rmmod.  The job's
# status is the number of failed runs, so the runner's status is the count
# whatever the console shows; each run's outcome also goes to /dev/kmsg,
# whole (see tests/vm/jobs/nmi-storm.sh).
RUNS=${RUNS:-20}
failed=0
i=1
while [ $i -le $RUNS ]; do
	for ko in /lguest/lg.ko /lguest/fastpath/lg.ko; do
		rc=0
		GUEST_TIMEOUT=60 LGUEST_MODULE=$ko \
			sh /lguest/guests/run-guests.sh fpu_smap timer >/tmp/run 2>&1 || rc=$?
		[ $rc = 0 ] || { failed=$((failed + 1)); cat /tmp/run; }
		echo "LOOP $i $ko rc=$rc" >/dev/kmsg
	done
	i=$((i + 1))
done
echo "LOOP-DONE runs=$((RUNS * 2)) failed=$failed" >/dev/kmsg
exit $failed
