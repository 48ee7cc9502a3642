#!/bin/bash
# Run the workload, busybox built inside the Linux guest, in one VM under
# one configuration, and print what a matrix step takes.
#
# usage: run-workload.sh [-l LOG] [-r RESULTS] [-T wall|icount] [-p PREFIX]
#                        CONFIG [TARGET...]
#   CONFIG   native: the VM's own kernel, in a chroot holding the Linux
#            guest's files; native-guest: the same on the Linux guest's
#            kernel configuration booted natively (scripts/suite.sh
#            vm-args), in the workload VM's memory; lguest-baseline,
#            lguest-fastpath, lguest-exitless: the Linux guest (448 MiB)
#            under that build of lg.ko; lguest-<build>-direct: that build
#            with direct system calls (scripts/suite.sh insmod)
#   TARGET   make targets of busybox's tree (objects such as
#            libbb/xfuncs.o) for a short build; none: the whole build,
#            linked, and the built busybox run
#   -l LOG   keep the VM's console in LOG
#   -r RESULTS  keep the launcher's results channel (vm-run.sh -r) in
#            RESULTS: under lguest, the host's own counts of the build's
#            window (benchmark busybox_build, one op: BENCH lines for
#            benchcsv extract-host), which the console cannot forge
#   -T CLOCK the guest's clock (scripts/vm-run.sh -T): wall (default) or
#            icount, where the build's milliseconds x 500000 are the
#            instructions it took
#   -p PREFIX under lguest, shell words the VM's job puts before
#            run-linux-guest, a command that runs the guest's whole run
#            (scripts/trace-fallbacks.sh: perf stat on lg.ko's events)
#
# The VM gets 880 MiB (its kernel has no highmem): the workload's guest
# initramfs (make workload-initramfs: the toolchain and the configured
# source) rides in the job archive, so the VMs of every other job stay
# small.  Output on
# stdout, the guest's lines as workload/build-busybox.sh prints them and
# the launcher's counters for the guest's whole run, boot included:
#
#	WORKLOAD-CONFIG <config>
#	WORKLOAD-STEP target=<target> ms=<ms>     (the guest's clock: TCG time)
#	WORKLOAD-FAULTS minor=<n> major=<n>       (the guest kernel's count)
#	WORKLOAD-SYSCALLS calls=<n>               (the guest kernel's count: lguest)
#	WORKLOAD-OBJECTS compiled=<n>
#	WORKLOAD-HASH <sha256> <path>
#	WORKLOAD-RAN busybox true                 (whole builds)
#	WORKLOAD-COUNTERS world_switches=<n> ...  (the launcher's LGUEST-COUNTERS)
#
# Exit status: 0 when the build ran to its end (under lguest, with its
# window counted; for a whole build, with the binary run), else 1.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

usage() {
	sed -n '5,29s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

log= results= clock=wall prefix=
while getopts 'l:r:T:p:h' opt; do
	case $opt in
	l) log=$OPTARG ;;
	r) results=$OPTARG ;;
	T) clock=$OPTARG ;;
	p) prefix=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
config=$1
shift
case $clock in wall | icount) ;; *) die "-T takes wall or icount, not '$clock'" ;; esac
# The VM's kernel (native-guest's own), always with 880 MiB (the last -m
# wins): the guest's 448 cannot hold the VM's initramfs with the
# workload's beside it (the kernel's unpacking fails), though the build
# itself fits in far less; or what loads lg.ko.
vm_args=$("$TOP/scripts/suite.sh" vm-args "$config") || exit 1
read -r -a vm_args <<<"$vm_args"
vm_args+=(-m 880)
runs_natively "$config" || insmod=$("$TOP/scripts/suite.sh" insmod "$config") || exit 1
for target in "$@"; do
	case $target in '' | *[!A-Za-z0-9_./-]*) die "not a make target: '$target'" ;; esac
done
cpio=$TOP/build/workload-initramfs.cpio
[ -f "$cpio" ] || die "$cpio missing: run 'make workload-initramfs'"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "$log" ] || log=$work/console.log
[ -n "$results" ] || results=$work/results
# The guest's job, then the VM's: load the module, boot the guest on the
# build, unload the module.  The whole build takes most of an hour under
# TCG, hence the generous limits (the VM's is the launcher's plus boot).
# Natively, the VM unpacks the guest's initramfs and builds in a chroot of
# it: the same programs at the same paths (the archive goes once
# unpacked).  Under lguest the
# launcher counts the build's window (build-busybox.sh marks it).
echo "/bin/sh /workload/build-busybox.sh $*" >"$work/guest.sh"
if runs_natively "$config"; then
	cat >"$work/vm.sh" <<EOF
mkdir /workload-root && cd /workload-root || exit 1
cpio -id </lguest/workload.cpio 2>/dev/null || exit 1
rm /lguest/workload.cpio
mount -t proc proc proc && mount -t devtmpfs dev dev && mount -t tmpfs tmp tmp || exit 1
chroot /workload-root /bin/sh /workload/build-busybox.sh $*
EOF
else
	cat >"$work/vm.sh" <<EOF
$insmod || exit 1
status=0
$prefix /lguest/run-linux-guest -m 448 -t 5400 -r /dev/ttyS1 -w busybox_build:1:1:op \\
	-i /lguest/workload.cpio /job/guest.sh || status=\$?
rmmod lg || exit 1
exit \$status
EOF
fi
status=0
"$TOP/scripts/vm-run.sh" -q "${vm_args[@]}" -T "$clock" -t 5700 -l "$log" -r "$results" \
	-f "$cpio:/lguest/workload.cpio" -f "$work/guest.sh:/job/guest.sh" "$work/vm.sh" \
	>/dev/null || status=$?
echo "WORKLOAD-CONFIG $config"
tr -d '\r' <"$log" | sed -n 's/^\(WORKLOAD-[A-Z]* .*\)$/\1/p; s/^LGUEST-COUNTERS /WORKLOAD-COUNTERS /p'
if [ "$status" != 0 ]; then
	tr -d '\r' <"$log" | tail -40 >&2
	die "the VM's job exited with status $status"
fi
runs_natively "$config" || grep -q '^BENCH,busybox_build,world_switches_per_op,' "$results" ||
	die "the launcher counted no busybox_build window"
if [ $# -eq 0 ]; then
	tr -d '\r' <"$log" | grep -qx 'WORKLOAD-RAN busybox true' || die "the built busybox did not run"
fi
