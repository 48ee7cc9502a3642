# Runs in the Linux guest (tests/vm/test_linux_guest_boot.sh): busybox,
# /proc, the host's counters, then a status the launcher must exit with.
echo "hello from busybox in the guest"
uname -sr
echo "guest cpus $(grep -c ^processor /proc/cpuinfo)"
echo "counters file $(wc -c </proc/lguest/counters) bytes"
exit 7
