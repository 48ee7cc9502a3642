#!/bin/bash
# Two clones with different patch series and configurations build the
# kernel at once into one cache: both succeed, and each gets a whole tree,
# patched by its own series, and a kernel built from it and its own
# configuration.  Then a run with nothing changed compiles nothing, a
# change to one clone's series recompiles only the file it touches, and
# the least recently used trees are dropped beyond LGUEST_KERNEL_KEEP.
#
# A stub tarball stands in for linux-source-6.1: its Makefile "configures"
# by copying the fragment and "compiles" by copying files, a second each,
# so the two builds overlap and the test takes seconds, not a kernel build.
. "$(dirname "$0")/../lib.sh"
scratch
cd "$SCRATCH"

mkdir linux-stub
echo 'a 1' >linux-stub/a.c
echo 'b 1' >linux-stub/b.c
sed 's/^> /\t/' >linux-stub/Makefile <<'MAKEFILE'
# Just the targets scripts/build-kernel.sh makes, with O= as Kbuild has it.
O ?= .
.PHONY: allnoconfig bzImage vmlinux modules_prepare modules
allnoconfig:
> mkdir -p $(O) && cp $(KCONFIG_ALLCONFIG) $(O)/.config
bzImage vmlinux modules_prepare modules: $(O)/arch/x86/boot/bzImage
$(O)/%.o: %.c
> @echo "  CC      $*.o"; sleep 1; cp $< $@
$(O)/arch/x86/boot/bzImage: $(O)/a.o $(O)/b.o $(O)/.config
> mkdir -p $(@D) && cat $^ >$@
> ln -sfn $(CURDIR) $(O)/source
MAKEFILE
tar -cJf stub.tar.xz linux-stub

export LGUEST_CACHE=$SCRATCH/cache LINUX_SOURCE_TARBALL=$SCRATCH/stub.tar.xz
export JOBS=2 LGUEST_KERNEL_KEEP=2

# set_series CLONE TEXT: the clone's series is one patch turning a.c's
# "a 1" into "a TEXT".
set_series() {
	printf -- '--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@\n-a 1\n+a %s\n' "$2" >"$1/guest-patches/stub.patch"
	echo stub.patch >"$1/guest-patches/series"
}

# A clone of the project, with the working copy's scripts (so uncommitted
# changes are tested too), its own series and its own configuration line.
for c in c1 c2; do
	git clone -q "$TOP" "$c"
	cp "$TOP"/scripts/*.sh "$c/scripts/"
	set_series "$c" "$c"
	echo "CONFIG_STUB_$c=y" >"$c/kernel/i386.config"
done

c1/scripts/build-kernel.sh >/dev/null 2>c1.err &
p1=$!
c2/scripts/build-kernel.sh >/dev/null 2>c2.err &
p2=$!
rc1=0 rc2=0
wait "$p1" || rc1=$?
wait "$p2" || rc2=$?
check "clone 1 builds (status $rc1): $(tail -1 c1.err)" [ "$rc1" = 0 ]
check "clone 2 builds (status $rc2): $(tail -1 c2.err)" [ "$rc2" = 0 ]

# whole CLONE TEXT: the clone's kernel and tree are whole and its own.
whole() {
	local k
	k=$("$1/scripts/kernel-dir.sh")
	check "$1: the tree has its top-level Makefile" [ -f "$k/source/Makefile" ]
	check "$1: the tree is patched by its own series" grep -qx "a $2" "$k/source/a.c"
	check "$1: the kernel is built from its own series" grep -qx "a $2" "$k/arch/x86/boot/bzImage"
	check "$1: ... and its own configuration" grep -qx "CONFIG_STUB_$1=y" "$k/arch/x86/boot/bzImage"
}
whole c1 c1
whole c2 c2
for c in c1 c2; do
	check "$c: progress lines" grep -q 'files compiled' "$c.err"
done
check "no staging tree left behind" [ -z "$(find cache -mindepth 1 -maxdepth 1 \
	\( -name '*staging*' -o -name '.new-*' -o -name '.unpack-*' \))" ]

# Clone 2 again: nothing changed, nothing is compiled, and its tree is now
# the most recently used, so the next new tree is copied from it and the
# one evicted is clone 1's first.
check "clone 2 builds again" c2/scripts/build-kernel.sh >/dev/null 2>c2.err2
refute "with nothing compiled" grep -q '^  CC' "$(c2/scripts/kernel-dir.sh)/build.log"

# A new patch: only the file it changes is compiled again.
first=$(dirname "$(c1/scripts/kernel-dir.sh)")
set_series c1 "c1 again"
check "clone 1 rebuilds after a series change" c1/scripts/build-kernel.sh >/dev/null 2>c1.err2
log=$(c1/scripts/kernel-dir.sh)/build.log
check "the changed file is compiled" grep -q 'CC *a\.o' "$log"
refute "the unchanged file is not" grep -q 'CC *b\.o' "$log"
whole c1 "c1 again"
whole c2 c2
check "at most LGUEST_KERNEL_KEEP trees are kept" \
	[ "$(find cache -mindepth 2 -maxdepth 2 -name Makefile | wc -l)" -le 2 ]
check "the least recently used one is gone" [ ! -e "$first" ]
finish
