# Runs in the Linux guest (tests/vm/test_forged_results_linux.sh): around a
# real lat_syscall_null, 2 repetitions of 1000 operations (the windows the
# runner asked for), a process forges what it can: the host's figures
# printed on the console, and windows the launcher must refuse.
echo "BENCH,lat_syscall_null,world_switches_per_op,switches,1,7777.000"
echo "BENCH,lat_syscall_null,exits_syscall_per_op,exits,2,7777.000"
/tests/forge_window -short
/tests/forge_window other_bench 0 1 0
/tests/forge_window lat_syscall_null 0 2 0
/tests/forge_window lat_syscall_null 0 1 0
/tests/forge_window lat_syscall_null 1 1 1000000
lat_syscall_null -r 2 -w 1 -n 1000 || echo "FORGED-BENCH status $?"
/tests/forge_window lat_syscall_null 0 3 0
exit 0
