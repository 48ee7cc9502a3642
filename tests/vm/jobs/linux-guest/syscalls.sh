# Runs in the Linux guest (tests/vm/test_linux_guest_syscalls.sh).
/bench/lat_syscall_null -n 10000 -r 2 -w 1
/tests/mm_stress 50
