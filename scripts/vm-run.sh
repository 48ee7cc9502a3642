#!/bin/bash
# Boot the project's kernel in QEMU, run one job inside, return its status.
#
# usage: vm-run.sh [options] SCRIPT          run a shell script in the guest
#        vm-run.sh [options] -c 'COMMAND'    run a shell command in the guest
# options:
#   -t SECONDS      timeout for the whole VM (default 600)
#   -m MIB          guest memory (default 768; the kernel has no highmem)
#   -s CPUS         virtual CPUs (default 1)
#   -f HOST:GUEST   also put file or directory HOST at GUEST (repeatable)
#   -l LOG          write the serial console to LOG (default: a temporary file)
#   -r RESULTS      write the second serial port, /dev/ttyS1 in the VM, to
#                   RESULTS: the launcher's results channel (launcher -r),
#                   which no guest's console output reaches
#   -q              do not echo the console on stdout
#   -k KERNEL       kernel image (default: the cached bzImage)
#   -i INITRAMFS    base initramfs (default: build/initramfs.cpio)
#   -a ARGS         extra kernel command-line arguments
#   -n MS           inject an NMI into the VM every MS milliseconds (through
#                   QEMU's monitor), to test code that must survive them
#   -e COMMAND      with -n, inject this monitor command instead of "nmi"
#                   (a machine check: "mce CPU BANK STATUS MCGSTATUS ADDR MISC")
#   -A PATTERN      with -n, inject again only once the console has as many
#                   lines matching PATTERN (an extended regex) as injections
#                   so far: the job's word that the last one was handled.
#                   A machine check that comes while the CPU still handles
#                   the last one shuts it down, and a loaded host can stretch
#                   that handling past any fixed period
#   -T PROFILE      the guest's clock: "wall" (default) or "icount", where
#                   guest time counts instructions (QEMU -icount, TCG only)
#                   and so repeats from run to run whatever the host's load
#   -C MODEL        the VM's CPU, a QEMU -cpu model such as Skylake-Client-v1
#                   (sets QEMU_CPU; see below)
#   -S              one instruction per translation block (QEMU -singlestep,
#                   TCG only): TCG takes an interrupt or NMI only between
#                   blocks, so this lets one land between any two
#                   instructions, at a cost in speed
#   -p ARGS         load the instruction-class counting plugin (TCG only,
#                   'make tools'), ARGS its arguments: see
#                   scripts/insn-plugin-args.sh
#   -L LOG          log every exception and interrupt the CPU takes, with
#                   its CPL and registers, to LOG (QEMU -d int, TCG only;
#                   scripts/int-log-counts.sh sums it up)
#
# The CPU model is common.sh's qemu_cpu for the accelerator the probe
# chose; QEMU_CPU overrides it (QEMU_CPU=host: the host's CPU, KVM only).
#
# The job is packed into a small second cpio archive appended to the base
# initramfs; /init runs it and prints LGUEST-M012-EXIT=<status>.
# Exit status: the job's own status; 124 if the VM hit the timeout; 125 if
# the guest crashed or stopped without reporting; 2 for a usage error or a
# failure on the host side.  One line on stderr says which accelerator ran.
set -eu
. "$(dirname "$0")/common.sh"

usage() {
	sed -n '3,52s/^# \{0,1\}//p' "$0" >&2
	exit 2
}
fail() {
	say "error: $*"
	exit 2
}

timeout_s=600 mem=768 cpus=1 log= results= quiet= cmd= extra_args= nmi_ms= inject= ack= clock=wall singlestep= plugin= int_log=
kernel=$(kernel_build_dir)/arch/x86/boot/bzImage
initramfs=$TOP/build/initramfs.cpio
files=()
while getopts 't:m:s:f:l:r:qk:i:a:c:n:e:A:T:C:Sp:L:h' opt; do
	case $opt in
	t) timeout_s=$OPTARG ;;
	m) mem=$OPTARG ;;
	s) cpus=$OPTARG ;;
	f) files+=("$OPTARG") ;;
	l) log=$OPTARG ;;
	r) results=$OPTARG ;;
	q) quiet=1 ;;
	k) kernel=$OPTARG ;;
	i) initramfs=$OPTARG ;;
	a) extra_args=$OPTARG ;;
	c) cmd=$OPTARG ;;
	n) nmi_ms=$OPTARG ;;
	e) inject=$OPTARG ;;
	A) ack=$OPTARG ;;
	T) clock=$OPTARG ;;
	C) QEMU_CPU=$OPTARG ;;
	S) singlestep=1 ;;
	p) plugin=$OPTARG ;;
	L) int_log=$OPTARG ;;
	*) usage ;;
	esac
done
# The accelerator probe runs on the same CPU model.
export QEMU_CPU
shift $((OPTIND - 1))
for n in "$timeout_s" "$mem" "$cpus" ${nmi_ms:+"$nmi_ms"}; do
	case $n in '' | *[!0-9]* | 0*) fail "-t, -m, -s and -n take a positive whole number, not '$n'" ;; esac
done
[ -z "$inject" ] || [ -n "$nmi_ms" ] || fail "-e needs -n, to say how often"
[ -z "$ack" ] || [ -n "$nmi_ms" ] || fail "-A needs -n, to say how often"
if [ -n "$cmd" ]; then
	[ $# -eq 0 ] || fail "give either -c COMMAND or a SCRIPT, not both"
else
	[ $# -eq 1 ] || usage
	[ -f "$1" ] || fail "no such script: $1"
fi
[ -f "$kernel" ] || fail "kernel $kernel missing: run 'make kernel'"
[ -f "$initramfs" ] || fail "initramfs $initramfs missing: run 'make initramfs'"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "$log" ] || log=$work/console.log

# The job archive: /job/run.sh plus any -f files.  What it adds is dated
# job_date, not the moment it was packed: the kernel parses each header's
# digits one by one, so another time is another instruction count before
# the job even starts, enough for a timer interrupt to land elsewhere and,
# through the random pool, to move every address the kernel randomizes.
# (Files given with -f keep their own mtimes.)
job_date=2026-01-01T00:00:00
job_epoch=$(date -u -d "$job_date" +%s)
if [ -n "$cmd" ]; then
	printf '%s\n' "$cmd" >"$work/run.sh"
else
	cp "$1" "$work/run.sh"
fi
touch -d "@$job_epoch" "$work/run.sh"
{
	cpio_spec_for "$work/run.sh" /job/run.sh
	for pair in ${files[@]+"${files[@]}"}; do
		case $pair in *:/*) ;; *) fail "-f wants HOST:/GUEST, got '$pair'" ;; esac
		cpio_spec_for "${pair%%:*}" "${pair#*:}"
	done
} | cpio_spec_sorted | cpio_pack "$work/job.cpio" "$job_epoch"
cat "$initramfs" "$work/job.cpio" >"$work/initrd"

accel=$("$TOP/scripts/probe-accel.sh" 2>/dev/null) || fail "accelerator probe failed"
# icount: one instruction is 2^1 ns of guest time; with sleep=off an idle
# guest's clock jumps to its next timer instead of waiting for the host's.
# Nothing of the host's may reach the guest either, or two runs part ways:
# the RTC starts from the job's date, not today's, because the kernel mixes
# the time of day into its random pool, and so into every address it
# randomizes (mmap bases, stacks, slab free lists).  The default CPU model
# has no RDRAND; one that has it (-C) brings the host's random numbers in,
# and QEMU 7.2's -seed does not make them repeat.
case $clock in
wall) clock_args=() ;;
icount)
	[ "$accel" = tcg ] || fail "-T icount needs TCG, and the probe chose $accel"
	clock_args=(-icount shift=1,sleep=off -rtc base=$job_date,clock=vm) ;;
*) fail "-T takes wall or icount, not '$clock'" ;;
esac
tcg_args=()
if [ -n "$singlestep" ]; then
	[ "$accel" = tcg ] || fail "-S is QEMU's -singlestep, which needs TCG, and the probe chose $accel"
	tcg_args=(-singlestep)
fi
if [ -n "$plugin" ]; then
	[ "$accel" = tcg ] || fail "-p loads a TCG plugin, and the probe chose $accel"
	[ -f "$TOP/build/insn-plugin/insn-plugin.so" ] || fail "no insn-plugin.so: run 'make tools'"
	tcg_args+=(-plugin "$TOP/build/insn-plugin/insn-plugin.so,$plugin")
fi
if [ -n "$int_log" ]; then
	[ "$accel" = tcg ] || fail "-L is QEMU's -d int, which needs TCG, and the probe chose $accel"
	tcg_args+=(-d int -D "$int_log")
fi
cpu=$(qemu_cpu "$accel")
[ "$cpu" != host ] || [ "$accel" = kvm ] ||
	fail "QEMU_CPU=host (the host's CPU) needs KVM, and the probe chose $accel"
say "accel=$accel cpu=$cpu mem=${mem}M cpus=$cpus clock=$clock${singlestep:+ singlestep}${plugin:+ insn-plugin} timeout=${timeout_s}s${nmi_ms:+ ${inject:-nmi}-every=${nmi_ms}ms}"

# The monitor, on a pair of pipes, only when we inject NMIs (or -e's
# command) through it.
monitor=(-monitor none)
if [ -n "$nmi_ms" ]; then
	mkfifo "$work/mon.in" "$work/mon.out"
	monitor=(-monitor "pipe:$work/mon")
	# Read-write opens of a FIFO never block, so neither side waits for
	# the other; the monitor's replies are read and dropped.
	exec 7<>"$work/mon.in" 8<>"$work/mon.out"
	cat <&8 >/dev/null &
	drain_pid=$!
	period=$(printf '%d.%03d' $((nmi_ms / 1000)) $((nmi_ms % 1000)))
	# From the moment /init runs: an NMI in the kernel's first
	# instructions, before it has an IDT, would just reset the machine.
	(
		until grep -aq 'Run /init' "$log" 2>/dev/null; do sleep 0.1; done
		sent=0
		while sleep "$period"; do
			while [ -n "$ack" ]; do
				acked=$(grep -acE -- "$ack" "$log" 2>/dev/null || true)
				[ "${acked:-0}" -lt "$sent" ] || break
				sleep 0.05
			done
			echo "${inject:-nmi}" >&7 || break
			sent=$((sent + 1))
		done
	) &
	nmi_pid=$!
	trap 'kill $nmi_pid $drain_pid 2>/dev/null; rm -rf "$work"' EXIT
fi

# The results channel: a second UART, 0x2f8, ttyS1 to the VM's kernel.
# (-serial takes the path after "file:" as it is, commas and all.)
results_serial=()
[ -z "$results" ] || results_serial=(-serial "file:$results")

set -o pipefail
rc=0
timeout -k 5 "$timeout_s" qemu-system-i386 -M pc -accel "$accel" -cpu "$cpu" \
	-m "$mem" -smp "$cpus" -nodefaults -no-user-config -display none \
	-no-reboot "${monitor[@]}" ${clock_args[@]+"${clock_args[@]}"} \
	${tcg_args[@]+"${tcg_args[@]}"} -serial stdio \
	${results_serial[@]+"${results_serial[@]}"} \
	-device isa-debug-exit,iobase=0xf4,iosize=4 \
	-kernel "$kernel" -initrd "$work/initrd" \
	-append "console=ttyS0 panic=-1 $extra_args" </dev/null 2>"$work/qemu.err" |
	if [ -n "$quiet" ]; then cat >"$log"; else tee "$log"; fi || rc=$?

# Kernel messages may land right after the marker, before its newline.
status=$(tr -d '\r' <"$log" |
	sed -n 's/^LGUEST-M012-EXIT=\([0-9]\{1,3\}\)\([^0-9].*\)\{0,1\}$/\1/p' | tail -1)
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
	say "guest timed out after ${timeout_s}s"
	exit 124
elif [ -n "$status" ]; then
	say "guest job exited with status $status"
	exit "$status"
fi
say "guest stopped without reporting a status (QEMU status $rc); last console lines:"
tail -15 "$log" >&2
[ -s "$work/qemu.err" ] && sed 's/^/  qemu: /' "$work/qemu.err" >&2
exit 125
