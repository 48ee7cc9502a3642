# Runs in the Linux guest (tests/vm/test_linux_guest_stress.sh).
/tests/mm_stress 300
/bench/page_fault1 -s 4M -r 1 -w 1
