#!/bin/bash
# Run the kernel's checkpatch.pl over the host module's sources and the
# guest patches.  Prints what it finds; exits non-zero on any error or
# warning.
#
# usage: checkpatch.sh
set -eu
. "$(dirname "$0")/common.sh"

cp=$(kernel_tree_dir)/scripts/checkpatch.pl
[ -x "$cp" ] || die "$cp missing: build the kernel first (make kernel)"
# Only the files we write, not Kbuild's generated ones, by absolute path:
# checkpatch runs from a scratch folder because inside a git work tree it
# turns on git-aware checks that misread a multi-file patch.
mapfile -t sources < <(git -C "$TOP" ls-files --full-name 'module/*.c' 'module/*.h' \
	'module/*.S' 'switcher_fastpath.S' | sed "s|^|$TOP/|")
mapfile -t patches < <(git -C "$TOP" ls-files --full-name 'guest-patches/*.patch' | sed "s|^|$TOP/|")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
status=0
"$cp" --no-tree --terse --show-types -f "${sources[@]}" || status=1
# FILE_PATH_CHANGES asks of every new file whether MAINTAINERS needs it;
# the series' own entry (0003, 0013) names every file the series adds.
[ ${#patches[@]} -eq 0 ] ||
	"$cp" --no-tree --terse --ignore FILE_PATH_CHANGES "${patches[@]}" || status=1
[ $status = 0 ] && say "checkpatch: clean (${#sources[@]} files, ${#patches[@]} patches)"
exit $status
