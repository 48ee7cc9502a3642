#!/bin/bash
# The patch series is applied in order, and a patch that does not apply, or
# is missing, stops everything with its name.
. "$(dirname "$0")/../lib.sh"
scratch
cd "$SCRATCH"
mkdir -p tree/dir patches
printf 'one\ntwo\nthree\n' >tree/dir/file.txt
cp -r tree pristine

# Two patches that only work in order: the second edits the first's line.
make_patch() { # make_patch NAME FROM TO
	sed "s/$2/$3/" tree/dir/file.txt >new.txt
	diff -u --label a/dir/file.txt --label b/dir/file.txt tree/dir/file.txt new.txt >"patches/$1" || true
	cp new.txt tree/dir/file.txt
}
make_patch 01-first.patch two TWO
make_patch 02-second.patch TWO 'TWO!'
printf '# comment\n\n01-first.patch\n02-second.patch -p1\n' >patches/series
rm -rf tree && cp -r pristine tree

check "a good series applies" "$TOP/scripts/apply-series.sh" tree patches
check "patches applied in order" grep -qx 'TWO!' tree/dir/file.txt

# Applying again must fail (already applied) and name the first patch.
rc=0
msg=$("$TOP/scripts/apply-series.sh" tree patches 2>&1) || rc=$?
check "re-applying fails" [ "$rc" != 0 ]
check "the failing patch is named" grep -q "patch 01-first.patch does not apply" <<<"$msg"

rm -rf tree && cp -r pristine tree
echo 03-missing.patch >>patches/series
rc=0
msg=$("$TOP/scripts/apply-series.sh" tree patches 2>&1) || rc=$?
check "a missing patch fails" [ "$rc" != 0 ]
check "the missing patch is named" grep -q "03-missing.patch is listed in the series but missing" <<<"$msg"

printf '01-first.patch -px\n' >patches/series
expect_status 1 "a bad strip level is refused" "$TOP/scripts/apply-series.sh" pristine patches
finish
