#!/bin/bash
# Run the workload, busybox built inside the Linux guest, in one VM under
# one configuration, and print what a matrix step takes.
#
# usage: run-workload.sh [-l LOG] CONFIG [TARGET...]
#   CONFIG   lguest-baseline, lguest-fastpath or lguest-exitless: the Linux
#            guest (448 MiB) under that build of lg.ko; native: the VM's
#            own kernel, in a chroot holding the guest's files
#   TARGET   make targets of busybox's tree (objects such as
#            libbb/xfuncs.o) for a short build; none: the whole build,
#            linked, and the built busybox run
#   -l LOG   keep the VM's console in LOG
#
# The VM gets 880 MiB (its kernel has no highmem): the workload's guest
# initramfs (make workload-initramfs: the toolchain and the configured
# source) rides in the job archive, so the VMs of every other job stay
# small.  Output on stdout, the guest's lines as workload/build-busybox.sh
# prints them and the host's counters for the guest's whole run:
#
#	WORKLOAD-CONFIG <config>
#	WORKLOAD-STEP target=<target> ms=<ms>     (the guest's clock: TCG time)
#	WORKLOAD-OBJECTS compiled=<n>
#	WORKLOAD-HASH <sha256> <path>
#	WORKLOAD-RAN busybox true                 (whole builds)
#	WORKLOAD-COUNTERS world_switches=<n> ...  (the launcher's LGUEST-COUNTERS)
#
# Exit status: 0 when the build ran to its end (and, for a whole build,
# the binary ran), else 1.
set -eu -o pipefail
. "$(dirname "$0")/common.sh"

usage() {
	sed -n '5,12s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

log=
while getopts 'l:h' opt; do
	case $opt in
	l) log=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
config=$1
shift
case $config in
native) ko= ;;
lguest-baseline) ko=/lguest/lg.ko ;;
lguest-fastpath) ko=/lguest/fastpath/lg.ko ;;
lguest-exitless) ko=/lguest/exitless/lg.ko ;;
*) die "unknown configuration '$config' (known: native, lguest-baseline, lguest-fastpath, lguest-exitless)" ;;
esac
for target in "$@"; do
	case $target in '' | *[!A-Za-z0-9_./-]*) die "not a make target: '$target'" ;; esac
done
cpio=$TOP/build/workload-initramfs.cpio
[ -f "$cpio" ] || die "$cpio missing: run 'make workload-initramfs'"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "$log" ] || log=$work/console.log
# The guest's job, then the VM's: load the module, boot the guest on the
# build, unload the module.  The whole build takes most of an hour under
# TCG, hence the generous limits (the VM's is the launcher's plus boot).
# Natively, the VM unpacks the guest's initramfs and builds in a chroot of
# it: the same programs at the same paths.
echo "/bin/sh /workload/build-busybox.sh $*" >"$work/guest.sh"
if [ -z "$ko" ]; then
	cat >"$work/vm.sh" <<EOF
mkdir /workload-root && cd /workload-root || exit 1
cpio -id </lguest/workload.cpio 2>/dev/null || exit 1
mount -t proc proc proc && mount -t devtmpfs dev dev && mount -t tmpfs tmp tmp || exit 1
chroot /workload-root /bin/sh /workload/build-busybox.sh $*
EOF
else
	cat >"$work/vm.sh" <<EOF
insmod $ko || exit 1
status=0
/lguest/run-linux-guest -m 448 -t 5400 -i /lguest/workload.cpio /job/guest.sh || status=\$?
rmmod lg || exit 1
exit \$status
EOF
fi
status=0
"$TOP/scripts/vm-run.sh" -q -m 880 -t 5700 -l "$log" -f "$cpio:/lguest/workload.cpio" \
	-f "$work/guest.sh:/job/guest.sh" "$work/vm.sh" >/dev/null || status=$?
echo "WORKLOAD-CONFIG $config"
tr -d '\r' <"$log" | sed -n 's/^\(WORKLOAD-[A-Z]* .*\)$/\1/p; s/^LGUEST-COUNTERS /WORKLOAD-COUNTERS /p'
if [ "$status" != 0 ]; then
	tr -d '\r' <"$log" | tail -40 >&2
	die "the VM's job exited with status $status"
fi
if [ $# -eq 0 ]; then
	tr -d '\r' <"$log" | grep -qx 'WORKLOAD-RAN busybox true' || die "the built busybox did not run"
fi
