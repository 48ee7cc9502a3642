# Runs in the Linux guest (tests/vm/test_linux_guest_stress.sh).
/tests/mm_stress 300
