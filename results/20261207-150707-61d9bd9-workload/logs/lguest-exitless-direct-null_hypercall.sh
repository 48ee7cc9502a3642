insmod /lguest/exitless/lg.ko direct_syscalls=1 || exit 1
/lguest/launcher -q -r /dev/ttyS1 -w null_hypercall:100000:3 -c 'reps=3 warmup=1 ops=100000' /lguest/guests/bench_null_hypercall.elf || { echo "BENCH-FAILED null_hypercall status $?"; exit 1; }
rmmod lg || exit 1
