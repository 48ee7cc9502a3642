# lguest-m012: lguest revived on Linux 6.1 (i386), and the M:012 fault path.
#
#   make bench   install what is missing, build, run the benchmark matrix,
#                write results/<stamp>-<rev>/ with figures
#   make check   install what is missing, build, run every test
#   make paper   the paper from the newest full run and workload run: paper/build/paper.pdf
#   make events  the instruction-class counts per benchmark (events.csv)
#   make kvm-bench  on a machine with KVM: probe, the VM tests, the matrix,
#                one results folder (scripts/kvm-bench.sh)
#
# Slow artefacts (kernel tree and build) live in $(LGUEST_CACHE), by default
# ~/.cache/lguest-m012; small ones in build/.

BUILD := $(CURDIR)/build
CC32 := gcc -m32 -static -O2 -Wall -Wextra -Werror
# Arguments for scripts/run-matrix.sh, e.g. MATRIX_ARGS="-b 1 -r 3".
MATRIX_ARGS ?=
# Arguments for scripts/event-counts.sh, e.g. EVENT_ARGS="-c lguest-exitless".
EVENT_ARGS ?=
# Arguments for scripts/kvm-bench.sh, e.g. KVM_BENCH_ARGS="-H -- -b 1 -r 3".
KVM_BENCH_ARGS ?=
# Arguments for scripts/workload-matrix.sh, e.g. WORKLOAD_ARGS="-c native -r 1".
WORKLOAD_ARGS ?=

.PHONY: all deps kernel guest-kernel native-guest-kernel module launcher guests \
	abi-tests bench-progs tools perf initramfs guest-initramfs toolchain workload-initramfs bench bench-workload events kvm-bench \
	check unit paper clean

all: initramfs tools

deps:
	scripts/install-deps.sh

kernel: deps
	scripts/build-kernel.sh

# Linux 6.1 as an lguest guest: kbuild-guest/vmlinux in the cache.
guest-kernel: kernel
	scripts/build-guest-kernel.sh

# The same configuration booted natively, lguest off (the delta in
# kernel/i386-native-guest.config): kbuild-native-guest/'s bzImage, the
# kernel of the "native-guest" benchmark configuration.
native-guest-kernel: kernel
	scripts/build-guest-kernel.sh --native

# lg.ko in its three variants (baseline, fastpath, exitless), against the
# cached kernel.
module: kernel
	$(MAKE) -C module KDIR=$$(scripts/kernel-dir.sh) OUT=$(BUILD)/module VARIANT=baseline
	$(MAKE) -C module KDIR=$$(scripts/kernel-dir.sh) OUT=$(BUILD)/module VARIANT=fastpath
	$(MAKE) -C module KDIR=$$(scripts/kernel-dir.sh) OUT=$(BUILD)/module VARIANT=exitless

launcher: deps
	$(MAKE) -C launcher OUT=$(BUILD)/launcher all

# The test and benchmark guests for lg.ko (tests/guests).
guests: deps
	$(MAKE) -C tests/guests OUT=$(BUILD)/guests

# Programs that test /dev/lguest from user space, inside the VM.  They load
# guests with the launcher's own code (made by the launcher rule, hence the
# empty recipe) and report through the unit tests' harness.
ABI_TESTS := bad_ioctls dr6_after_guest fuzz_regs irq_kick irq_thread memlock \
	task_lifetime watch_during_guest
ABI_LAUNCHER := $(patsubst %,$(BUILD)/launcher/obj/%.o,errmsg file elf boot load)
ABI_LIB := tests/abi/abi.c tests/unit/check.c
abi-tests: $(ABI_TESTS:%=$(BUILD)/abi/%) $(BUILD)/abi/ldt_launcher

$(ABI_LAUNCHER) $(BUILD)/launcher/liblauncher.a: launcher ;

$(BUILD)/abi/%: tests/abi/%.c tests/abi/abi.h $(ABI_LIB) $(ABI_LAUNCHER) \
		module/uapi/lguest.h | deps
	mkdir -p $(BUILD)/abi
	$(CC32) -pthread -Imodule/uapi -iquote launcher -iquote tests/unit \
		-iquote tests/guests -o $@ $< $(ABI_LIB) $(ABI_LAUNCHER)

# A launcher wrapped in a test of its own: it links the whole launcher.
$(BUILD)/abi/ldt_launcher: tests/abi/ldt_launcher.c $(BUILD)/launcher/liblauncher.a
	mkdir -p $(BUILD)/abi
	$(CC32) -Ilauncher -o $@ $< $(BUILD)/launcher/liblauncher.a

bench-progs: deps
	$(MAKE) -C bench OUT=$(BUILD)/bench all

# The TCG plugin counts instruction classes from outside (vm-run.sh -p).
tools: deps
	$(MAKE) -C tools OUT=$(BUILD)/tools all
	$(MAKE) -C tools/insn-plugin OUT=$(BUILD)/insn-plugin all

$(BUILD)/init: initramfs/init.c | deps
	mkdir -p $(BUILD)
	$(CC32) -o $@ $<

$(BUILD)/guest-init: initramfs/guest-init.c | deps
	mkdir -p $(BUILD)
	$(CC32) -o $@ $<

# Test programs that run inside the Linux guest (tests/linux-guest).
$(BUILD)/linux-guest/%: tests/linux-guest/%.c | deps
	mkdir -p $(BUILD)/linux-guest
	$(CC32) -o $@ $<

# The Linux guest's own initramfs: its /init, busybox, the benchmarks and
# the test programs.
GUEST_FILES = $(BUILD)/bench:/bench $(BUILD)/linux-guest:/tests
guest-initramfs: bench-progs $(BUILD)/guest-init $(BUILD)/linux-guest/mm_stress \
		$(BUILD)/linux-guest/forge_window kernel
	scripts/build-initramfs.sh $(BUILD)/guest-initramfs.cpio $(BUILD)/guest-init \
		$(GUEST_FILES)

# Debian's i386 C toolchain, trimmed, for the workload (issue 22).
toolchain: deps
	scripts/stage-toolchain.sh $(BUILD)/toolchain

# The workload's Linux guest initramfs: the guest's own plus the toolchain
# and busybox's configured source, about 90 MB, so only the workload's VMs
# carry it (vm-run.sh -f); workload/build-busybox.sh runs the build.
workload-initramfs: guest-initramfs toolchain
	scripts/stage-busybox-source.sh $(BUILD)/workload-busybox
	scripts/build-initramfs.sh $(BUILD)/workload-initramfs.cpio $(BUILD)/guest-init \
		$(GUEST_FILES) $(BUILD)/toolchain/usr:/usr $(BUILD)/toolchain/lib:/lib \
		$(BUILD)/workload-busybox:/workload/busybox \
		workload/build-busybox.sh:/workload/build-busybox.sh

# Debian's i386 perf and the libraries it loads, for the VM.
perf: deps
	scripts/stage-perf.sh $(BUILD)/perf

# What every QEMU VM boots: lg.ko, the launcher, the test guests, and the
# Linux guest (its vmlinux and initramfs) under /lguest; perf.  The
# native-guest kernel boots it too, in place of the host kernel.
initramfs: kernel module launcher guests abi-tests bench-progs $(BUILD)/init \
		guest-kernel native-guest-kernel guest-initramfs perf
	scripts/build-initramfs.sh $(BUILD)/initramfs.cpio $(BUILD)/init \
		$(BUILD)/bench:/bench $(BUILD)/module/baseline/lg.ko:/lguest/lg.ko \
		$(BUILD)/module/fastpath/lg.ko:/lguest/fastpath/lg.ko \
		$(BUILD)/module/exitless/lg.ko:/lguest/exitless/lg.ko \
		$(BUILD)/launcher/launcher:/lguest/launcher \
		$(BUILD)/guests:/lguest/guests $(BUILD)/abi:/lguest/abi \
		$$(scripts/kernel-dir.sh --guest)/vmlinux:/lguest/linux-guest/vmlinux \
		$(BUILD)/guest-initramfs.cpio:/lguest/linux-guest/initramfs.cpio \
		initramfs/run-linux-guest.sh:/lguest/run-linux-guest \
		initramfs/perf-count.sh:/lguest/perf-count \
		$(BUILD)/perf/usr/bin/perf:/usr/bin/perf $(BUILD)/perf/lib:/lib

unit: deps
	$(MAKE) -C bench OUT=$(BUILD)/bench unit
	$(MAKE) -C launcher OUT=$(BUILD)/launcher unit
	$(MAKE) -C tools/insn-plugin OUT=$(BUILD)/insn-plugin unit

bench: initramfs tools
	scripts/run-matrix.sh $(MATRIX_ARGS)

# The workload (issue 22): busybox built in every configuration, a
# results folder of its own: results/<stamp>-<rev>-workload.
bench-workload: initramfs workload-initramfs tools
	scripts/workload-matrix.sh $(WORKLOAD_ARGS)

# The instruction-class counts by difference (scripts/event-counts.sh), a
# pass of its own: results/<stamp>-<rev>/events.csv.
events: initramfs tools
	scripts/event-counts.sh $(EVENT_ARGS)

kvm-bench: initramfs tools
	scripts/kvm-bench.sh $(KVM_BENCH_ARGS)

# The paper from the newest complete full run and workload run under results/.
paper:
	scripts/build-paper.sh

check: initramfs workload-initramfs tools unit
	tests/run.sh

clean:
	rm -rf $(BUILD)
