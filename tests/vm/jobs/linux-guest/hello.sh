# Runs in the Linux guest (tests/vm/test_linux_guest_boot.sh): busybox,
# /proc, the host's counters, a kernel warning logged during the job
# (which init must keep off the console until the job has ended, then
# report), then a status the launcher must exit with.
echo "hello from busybox in the guest"
uname -sr
echo "guest cpus $(grep -c ^processor /proc/cpuinfo)"
echo "counters file $(wc -c </proc/lguest/counters) bytes"
echo "<4>lguest-m012: a warning logged during the job" >/dev/kmsg
exit 7
