#!/bin/sh
# Boot the Linux guest under the lg.ko already loaded, running one job.
# Runs inside the QEMU VM, where the initramfs put it at /lguest/run-linux-guest.
#
# usage: run-linux-guest [-m MIB] [-t SECONDS] [-a ARGS] [-i INITRAMFS] [-q]
#                        [-r RESULTS -w NAME:OPS:REPS:UNIT ...] JOB
#   -m  guest memory (default 256)
#   -t  kill the launcher after this long (default 600)
#   -a  more guest kernel command-line arguments (before the job)
#   -i  the guest's initramfs (default: its own, beside its vmlinux)
#   -q  no counters line from the launcher at the end
#   -r  the launcher's results file, for the windows of each -w (the host's
#       counts of the benchmark programs' windows: launcher -r, -w)
#
# JOB, a shell script, goes into a small cpio archive (as /job/run.sh)
# appended to the guest's initramfs; the guest's /init runs it and stops
# the guest with its status, which is this script's exit status (the
# launcher's: 70 if the host killed the guest, 137 after the timeout).
set -eu
dir=/lguest/linux-guest
mem=256 secs=600 args= quiet= results= initramfs=$dir/initramfs.cpio
# Each -w, passed on to the launcher as it came.
windows=
while getopts 'm:t:a:i:qr:w:' opt; do
	case $opt in
	m) mem=$OPTARG ;;
	t) secs=$OPTARG ;;
	a) args=$OPTARG ;;
	i) initramfs=$OPTARG ;;
	q) quiet=-q ;;
	r) results=$OPTARG ;;
	w) windows="$windows -w $OPTARG" ;;
	*) sed -n '5,14s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -f "$1" ] || { echo "run-linux-guest: no job script given" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/job"
cp "$1" "$work/job/run.sh"
(cd "$work" && printf 'job\njob/run.sh\n' | cpio -o -H newc 2>/dev/null) >"$work/job.cpio"
cat "$initramfs" "$work/job.cpio" >"$work/initrd"
status=0
# shellcheck disable=SC2086 # -w NAME:OPS:REPS:UNIT has no blanks
timeout -s KILL "$secs" /lguest/launcher $quiet ${results:+-r "$results"} $windows \
	-m "$mem" -i "$work/initrd" \
	-c "console=hvc0 $args -- /bin/sh /job/run.sh" "$dir/vmlinux" || status=$?
exit $status
