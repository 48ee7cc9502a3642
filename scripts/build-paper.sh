#!/bin/bash
# Build the paper from a results folder: paper/build/paper.pdf.
#
# usage: build-paper.sh [RESULTS_DIR [WORKLOAD_DIR]]
#
# Installs the LaTeX toolchain if it is missing (install-deps.sh --paper),
# writes the generated inputs (scripts/paper-data.sh: every result the text
# cites, the tables, the line counts; and
# scripts/paper-workload-data.sh: the busybox build's) into
# paper/build/gen/, and runs latexmk there.  RESULTS_DIR defaults to the
# newest complete full run under results/, WORKLOAD_DIR to the newest
# complete workload run.  Fails on a LaTeX error, an undefined reference or
# citation, or a result the generator did not define; the log is
# paper/build/paper.log.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -le 2 ] || die "usage: $(basename "$0") [RESULTS_DIR [WORKLOAD_DIR]]"
"$TOP/scripts/install-deps.sh" --paper
paper=$TOP/paper
build=$paper/build
mkdir -p "$build"
"$TOP/scripts/paper-data.sh" ${1:+"$1"} "$build/gen"
"$TOP/scripts/paper-workload-data.sh" ${2:+"$2"} "$build/gen"
say "running latexmk (log: $build/paper.log)"
rm -f "$build/paper.pdf"
if ! (cd "$paper" && latexmk -pdf -interaction=nonstopmode -halt-on-error \
	-outdir=build paper.tex >build/latexmk.out 2>&1); then
	grep -E '^!|Error|error:' -A3 "$build/paper.log" 2>/dev/null | head -30 >&2 ||
		tail -30 "$build/latexmk.out" >&2
	die "LaTeX failed (log: $build/paper.log)"
fi
if grep -E "undefined|Rerun to get" "$build/paper.log" >&2; then
	die "the paper has undefined references or citations (log: $build/paper.log)"
fi
say "wrote $build/paper.pdf"
