#!/bin/bash
# The paper builds from the committed results (scripts/build-paper.sh):
# no LaTeX error, no undefined reference or citation; every result the
# generator defines agrees with the summary.csv, ratios.csv,
# projection.csv or events.csv it came from; a result the generator did
# not define stops the build; 6 to 8 pages.
. "$(dirname "$0")/../lib.sh"
scratch
check "the paper builds" "$TOP/scripts/build-paper.sh" >"$SCRATCH/out" 2>&1 || {
	tail -20 "$SCRATCH/out"
	finish
}
pdf=$TOP/paper/build/paper.pdf
gen=$TOP/paper/build/gen
check "paper.pdf written" [ -s "$pdf" ]
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
check "6 to 8 pages ($pages)" [ "$pages" -ge 6 -a "$pages" -le 8 ]
# Bitmap (Type 3) fonts blur in print and some venues refuse them.
pdffonts "$pdf" >"$SCRATCH/fonts"
refute "no Type 3 fonts" grep -q 'Type 3' "$SCRATCH/fonts"

# The run the generator used, and its numbers against summary.csv: the raw
# median, min, max and count as they are there, and the printed text a
# rounding of the median.
run=$TOP/results/$(sed -n 's/^\\resmeta{run}{\(.*\)}$/\1/p' "$gen/results.tex")
check "the generator names its run ($run)" [ -f "$run/summary.csv" ]
check "every result agrees with summary.csv" awk -F, '
	FNR == NR { if (FNR > 1) row[$1 "," $2 "," $3] = $6 "," $7 "," $8 "," $5 "," $4; next }
	/^\\resdef/ {
		s = $0; gsub(/^\\resdef\{|\}$/, "", s); n = split(s, f, /\}\{/)
		k = f[1] "," f[2] "," f[3]; seen++
		if (!(k in row)) { print "not in summary.csv: " k; bad++; next }
		split(row[k], r, ",")
		if (f[4] != r[1] || f[5] != r[2] || f[6] != r[3] || f[7] != r[4]) { print "differs: " k; bad++; next }
		# The printed number, its decimals, and the unit it was scaled to.
		t = f[8]; match(t, /^[0-9]+([.][0-9]+)?/); num = substr(t, 1, RLENGTH)
		d = index(num, ".") ? length(num) - index(num, ".") : 0
		scale = (t ~ /ms$/) ? 1e6 : (t ~ /textmu/) ? 1e3 : 1
		if (r[5] == "ms") scale = 1
		want = r[1] / scale; tol = 0.5 * 10 ^ -d + 1e-9
		if (num - want > tol || want - num > tol) { print "text " t " is not " r[1]; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$run/summary.csv" "$gen/results.tex"
check "every ratio agrees with the medians" awk -F, '
	FNR == NR { if (FNR > 1) med[$1 "," $2 "," $3] = $6; next }
	/^\\ratiodef\{/ {
		s = $0; gsub(/^\\ratiodef\{|\}$/, "", s); split(s, f, /\}\{/)
		want = med[f[1] "," f[3] "," f[4]] / med[f[2] "," f[3] "," f[4]]
		seen++
		if (f[5] - want > 0.006 || want - f[5] > 0.006) { print "ratio " f[3] "/" f[4] ": " f[5] " vs " want; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$run/summary.csv" "$gen/results.tex"

check "every derived time per round trip agrees with the medians" awk -F, '
	FNR == NR { if (FNR > 1) med[$1 "," $2 "," $3] = $6; next }
	/^\\derivdef\{trip-/ {
		s = $0; gsub(/^\\derivdef\{trip-|\}$/, "", s); split(s, f, /\}\{/)
		# trip-BENCHMARK: the fastpath build; trip-x-BENCHMARK: the exitless.
		b = f[1]; c = "lguest-fastpath"
		if (b ~ /^x-/) { b = substr(b, 3); c = "lguest-exitless" }
		u = ("lguest-baseline," b ",ns_per_page" in med) ? "page" : "op"
		dw = med["lguest-baseline," b ",world_switches_per_" u] - med[c "," b ",world_switches_per_" u]
		want = (med["lguest-baseline," b ",ns_per_" u] - med[c "," b ",ns_per_" u]) / (dw / 2)
		t = f[2]; match(t, /^-?[0-9]+([.][0-9]+)?/); num = substr(t, 1, RLENGTH)
		scale = (t ~ /ms$/) ? 1e6 : (t ~ /textmu/) ? 1e3 : 1
		seen++
		if (num - want / scale > 0.051 || want / scale - num > 0.051) { print "trip " b ": " t " vs " want; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$run/summary.csv" "$gen/results.tex"

# The intervals, the projection and the plugin's counts, against the
# files of the run they came from (to their printed decimals).
check "every interval agrees with ratios.csv" awk -F, '
	FNR == NR { if (FNR > 1) r[$3 "," $4 "," $1 "," $2] = $5 "," $6 "," $7; next }
	/^\\cidef\{/ {
		s = $0; gsub(/^\\cidef\{|\}$/, "", s); split(s, f, /\}\{/)
		k = f[1] "," f[2] "," f[3] "," f[4]; seen++
		if (!(k in r)) { print "not in ratios.csv: " k; bad++; next }
		split(r[k], w, ",")
		for (i = 1; i <= 3; i++)
			if (f[4 + i] - w[i] > 0.0051 || w[i] - f[4 + i] > 0.0051) { print "interval " k ": " f[4 + i] " vs " w[i]; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$run/ratios.csv" "$gen/results.tex"
check "every projection agrees with projection.csv" awk -F, '
	FNR == NR { if ($1 !~ /^#/ && $1 != "config") p[$1 "," $2] = $4 "," $5; next }
	/^\\projdef\{/ {
		s = $0; gsub(/^\\projdef\{|\}$/, "", s); split(s, f, /\}\{/)
		k = f[1] "," f[2]; seen++
		if (!(k in p)) { print "not in projection.csv: " k; bad++; next }
		split(p[k], w, ",")
		if (f[3] - w[1] > 0.51 || w[1] - f[3] > 0.51 || f[4] - w[2] > 0.51 || w[2] - f[4] > 0.51) { print "projection " k; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$run/projection.csv" "$gen/results.tex"
check "every plugin count agrees with events.csv" awk -F, '
	FNR == NR { if (FNR > 1) e[$1 "," $2 "," $3] = $4; next }
	/^\\eventdef\{/ {
		s = $0; gsub(/^\\eventdef\{|\}$/, "", s); split(s, f, /\}\{/)
		k = f[1] "," f[2] "," f[3]; seen++
		if (!(k in e) || f[4] - e[k] > 0.0051 || e[k] - f[4] > 0.0051) { print "event " k; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$run/events.csv" "$gen/results.tex"

# The workload's numbers against the workload run they came from: every
# median and its printed text, the percentages and shares recomputed from
# the medians, and Rusty's rule as scripts/workload-rusty.sh gives it.
wl=$TOP/results/$(sed -n 's/^\\wlmetadef{run}{\(.*\)}$/\1/p' "$gen/workload.tex")
check "the workload generator names its run ($wl)" [ -f "$wl/summary.csv" ]
pieces=$(sed -n 's/^  "pieces": "\(.*\)",\{0,1\}$/\1/p' "$wl/meta.json" | awk -F, '{ print NF }')
check "its pieces are meta.json's (${pieces:-1})" \
	grep -qx "\\\\wlmetadef{pieces}{${pieces:-1}}" "$gen/workload.tex"
check "its objects and runs are the verdict's" grep -q "^identical: $(sed -n 's/^\\wlmetadef{objects}{\(.*\)}$/\1/p' "$gen/workload.tex") objects.* in $(sed -n 's/^\\wlmetadef{runs}{\(.*\)}$/\1/p' "$gen/workload.tex") runs " "$wl/verdict.txt"
check "every workload result agrees with its summary.csv" awk -F, '
	# The scale the text reads each series in (billions of instructions,
	# millions of switches and calls, seconds, rates as they are, else
	# thousands).
	function scale(m) {
		if (m ~ /_per_second$/ || m == "instructions_per_round_trip") return 1
		if (m ~ /instructions/ || m ~ /^ns_/) return 1e9
		if (m ~ /^(world_switches|system_calls)_/) return 1e6
		return 1e3
	}
	FNR == NR { if (FNR > 1) med[$1 "," $3] = $6; next }
	/^\\wldef\{/ {
		s = $0; gsub(/^\\wldef\{|\}$/, "", s); split(s, f, /\}\{/)
		k = f[1] "," f[2]; seen++
		if (!(k in med) || f[3] != med[k]) { print "median " k; bad++; next }
		if (f[4] != scale(f[2])) { print "scale " k ": " f[4]; bad++; next }
		d = index(f[5], ".") ? length(f[5]) - index(f[5], ".") : 0
		want = med[k] / f[4]
		if (f[5] - want > 0.5 * 10 ^ -d + 1e-9 || want - f[5] > 0.5 * 10 ^ -d + 1e-9) { print "text " k ": " f[5]; bad++ }
	}
	/^\\wlpctdef\{/ {
		s = $0; gsub(/^\\wlpctdef\{|\}$/, "", s); split(s, f, /\}\{/)
		want = 100 * (med[f[1] "," f[3]] / med[f[2] ",instructions_per_build"] - 1); seen++
		if (f[4] - want > 0.051 || want - f[4] > 0.051) { print "percent " s; bad++ }
	}
	/^\\wlsharedef\{/ {
		s = $0; gsub(/^\\wlsharedef\{|\}$/, "", s); split(s, f, /\}\{/)
		i = med[f[1] ",instructions_per_build"]
		want = 100 * (i - med[f[1] ",amdahl_instructions_per_build"]) / (i - med["native-guest,instructions_per_build"]); seen++
		if (f[2] - want > 0.51 || want - f[2] > 0.51) { print "share " s; bad++ }
	}
	END { exit !(seen > 0 && !bad) }' "$wl/summary.csv" "$gen/workload.tex"
# The host counters of whole boots, against the launcher's lines: the
# median of the wall runs' values (a counter left out is 0).
while read -r c k m t; do
	want=$(for f in "$wl/logs/$c"-wall*.out; do
		grep '^WORKLOAD-COUNTERS ' "$f" | tr ' ' '\n' | awk -F= -v k="$k" '$1 == k { v = $2 } END { print v + 0 }'
	done | sort -n | awk '{ x[NR] = $1 } END { print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }')
	check "workload counter $c $k is its wall runs' median ($m)" [ "$m" = "$want" ]
	check "and prints as $t thousand" awk -v m="$m" -v t="$t" 'BEGIN { exit !(t - m / 1e3 <= 0.5 && m / 1e3 - t <= 0.5) }'
done < <(sed -n 's/^\\wlcounterdef{\(.*\)}{\(.*\)}{\(.*\)}{\(.*\)}$/\1 \2 \3 \4/p' "$gen/workload.tex")
check "the host counters cover the six lguest configurations" \
	[ "$(grep -c '^\\wlcounterdef{lguest-[a-z-]*}{fastpath_fallback1}' "$gen/workload.tex")" -eq 6 ]
# The fallback trace's shares and rate, from its CSVs.
tr=$TOP/results/$(sed -n 's/^\\wlmetadef{fallbackrun}{\(.*\)}$/\1/p' "$gen/workload.tex")
check "the fallback trace it names passed ($tr)" grep -q '^pass:' "$tr/verdict.txt"
case $tr in *-dirty-*) fail "the fallback trace is an experiment's (a dirty tree): $tr" ;; esac
check "its shares and fills a switch agree with the trace" awk -F, '
	FILENAME ~ /fallbacks.csv$/ && $2 == "not_user" { nu[$1 "," $3] = $4 }
	FILENAME ~ /host-fixes.csv$/ { fix[$1 "," $2] = $3 }
	FILENAME ~ /totals.csv$/ && $2 == "hcall_new_pgtable" { sw[$1] = $3 }
	/^\\wlfallbackdef\{/ {
		s = $0; gsub(/^\\wlfallbackdef\{|\}$/, "", s); split(s, f, /\}\{/); c = f[1]; seen++
		if (f[2] == "notuserkernelpct") want = 100 * nu[c ",kernel"] / (nu[c ",kernel"] + nu[c ",user"])
		else if (f[2] == "fillskernelpct") want = 100 * fix[c ",kernel"] / (fix[c ",kernel"] + fix[c ",user"])
		else want = fix[c ",kernel"] / sw[c]
		if (f[3] - want > 0.51 || want - f[3] > 0.51) { print "fallback " s; bad++ }
	}
	END { exit !(seen >= 3 && !bad) }' "$tr/fallbacks.csv" "$tr/host-fixes.csv" "$tr/totals.csv" "$gen/workload.tex"
"$TOP/scripts/workload-rusty.sh" "$wl" 2>/dev/null |
	awk -F, 'NR > 1 { printf "\\wlrustydef{%s}{%s}{%s}{%s}{%s}\n", $1, $3, $4, $5, $6 }' >"$SCRATCH/rusty"
check "Rusty's rule on the workload is workload-rusty.sh's, row for row" \
	diff "$SCRATCH/rusty" <(grep '^\\wlrustydef' "$gen/workload.tex")
check "and covers the five lguest configurations besides the baseline" \
	[ "$(grep -c '^\\wlrustydef' "$gen/workload.tex")" -eq 5 ]

# The drawn figure of the fault path is built from its TikZ source, and
# the patch table lists every patch of the series.
check "the fault-path figure is drawn from paper/fig-path.tex" grep -q 'fig-path.tex' "$TOP/paper/build/paper.fls"
pdftotext "$pdf" "$SCRATCH/paper.txt"
check "its lanes are in the PDF" grep -q 'guest kernel' "$SCRATCH/paper.txt"
check "and so is the walker's step" grep -q 'walker: guest' "$SCRATCH/paper.txt"
check "and the exitless build's panel, its window no world switch" \
	grep -q 'the window: no world switch' "$SCRATCH/paper.txt"
# Every patch once: a row of its own, or in a group's FIRST--LAST row.
covered() {
	sed -n 's/^\\patchrow{\([0-9]*\)\(--\([0-9]*\)\)\{0,1\}}.*/\1 \3/p' "$gen/table-patches.tex" |
		while read -r first last; do
			seq -w "$((10#$first))" "$((10#${last:-$first}))" | sed 's/^/000/; s/.*\(....\)$/\1/'
		done
}
check "the patch table covers every patch of the series, once" [ \
	"$(covered | tr '\n' ' ')" = \
	"$(grep -v '^[[:space:]]*\(#\|$\)' "$TOP/guest-patches/series" | cut -c1-4 | tr '\n' ' ')" ]

# A result nobody generated must stop the build, not print "??".
cp -r "$TOP/paper" "$SCRATCH/paper"
rm -f "$SCRATCH/paper/build/paper."{pdf,aux,fdb_latexmk,fls,log}
sed -i 's/^\\section{Conclusion}/\\res{native}{no_such_benchmark}{ns_per_page}\n&/' "$SCRATCH/paper/paper.tex"
refute "a result the generator did not define stops the build" \
	sh -c "cd '$SCRATCH/paper' && latexmk -pdf -interaction=nonstopmode -halt-on-error -outdir=build paper.tex" \
	>"$SCRATCH/bad.out" 2>&1
check "and says which" grep -q "no result .native/no_such_benchmark/ns_per_page" "$SCRATCH/paper/build/paper.log"
finish
