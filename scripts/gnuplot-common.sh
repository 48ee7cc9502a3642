# Shared by the scripts that draw figures into a results folder (sourced
# after common.sh, not run on its own): the terminals gnuplot has, a
# scratch folder, the subtitle from meta.json, one colour per config, and
# render(), which writes each figure under a temporary name and renames it.
#
# The caller sets dir (the results folder) and meta (its meta.json, which
# may be missing) first.
command -v gnuplot >/dev/null || die "gnuplot not found: install gnuplot-nox"

# --- terminals ------------------------------------------------------------
# Cairo terminals give antialiased output and real PDF; libgd png and
# PostScript (converted with ps2pdf) are the fallbacks of smaller builds.
terms=$(gnuplot -e 'set terminal' 2>&1 </dev/null | awk '{ print $1 }')
has_term() { printf '%s\n' "$terms" | grep -qx "$1"; }
if has_term pngcairo; then
	png_term='pngcairo noenhanced font "sans,10"'
elif has_term png; then
	png_term='png noenhanced font "sans,10"'
else
	die "gnuplot has neither the pngcairo nor the png terminal"
fi
if has_term pdfcairo; then
	pdf_mode="cairo"
elif has_term postscript && command -v ps2pdf >/dev/null; then
	pdf_mode="ps"
else
	die "gnuplot has no pdfcairo terminal, and no postscript terminal plus ps2pdf"
fi

tmp=$(mktemp -d)
# Temporary figures live next to their final names (so mv is a rename on
# one file system); remember them to clean up after a failure.
partial=()
cleanup() {
	rm -rf "$tmp"
	[ ${#partial[@]} -eq 0 ] || rm -f "${partial[@]}"
}
trap cleanup EXIT

# --- subtitle from meta.json ----------------------------------------------
# The value of string KEY in meta.json, or nothing. A flat object of strings
# is all we are promised, so a regex is enough; \" and \\ are unescaped.
json_get() {
	[ -f "$meta" ] || return 0
	grep -oE "\"$1\"[[:space:]]*:[[:space:]]*\"([^\"\\\\]|\\\\.)*\"" "$meta" |
		head -n 1 |
		sed -e 's/^"[^"]*"[[:space:]]*:[[:space:]]*"//' -e 's/"$//' \
		    -e 's/\\"/"/g' -e 's/\\\\/\\/g' || true
}

subtitle=
add_sub() {
	[ -n "$2" ] || return 0
	subtitle=${subtitle:+$subtitle   |   }$1$2
}
add_sub "accel: " "$(json_get accel)"
cpu=$(json_get cpu_model)
[ -n "$cpu" ] || cpu=$(json_get host_cpu)
add_sub "cpu: " "$cpu"
add_sub "" "$(json_get date)"
# A full hash is shortened; a short one may carry a "-dirty" suffix.
rev=$(json_get git_rev)
if [[ $rev =~ ^([0-9a-f]{12})[0-9a-f]+(.*)$ ]]; then
	rev=${BASH_REMATCH[1]}${BASH_REMATCH[2]}
fi
add_sub "rev " "$rev"

# A gnuplot single-quoted string: no escapes inside, '' stands for '.
gpq() {
	printf "'%s'" "${1//\'/\'\'}"
}

# Colours by global config index, so a config looks the same everywhere.
colours=(0x4c72b0 0xdd8452 0x55a868 0xc44e52 0x8172b3 0x937860 0xda8bc3 0x8c8c8c 0xccb974 0x64b5cd)

# render NAME WIDTH HEIGHT GP PLOT: end the gnuplot script GP (the figure's
# settings) by drawing PLOT as NAME.png and NAME.pdf, WIDTH x HEIGHT
# pixels at 128 per inch, run it, and move both into the results folder.
render() {
	local name=$1 width=$2 height=$3 gp=$4 plot=$5
	local tmp_png=$dir/.$name.png.tmp$$ tmp_pdf=$dir/.$name.pdf.tmp$$
	partial+=("$tmp_png" "$tmp_pdf")
	{
		echo "set terminal $png_term size $width,$height"
		echo "set output $(gpq "$tmp_png")"
		echo "plot $plot"
		echo "unset output"
		if [ "$pdf_mode" = cairo ]; then
			echo "set terminal pdfcairo noenhanced font 'sans,10' size $width/128.0, $height/128.0"
			echo "set output $(gpq "$tmp_pdf")"
		else
			echo "set terminal postscript eps color solid noenhanced font 'Helvetica,10' size $width/128.0, $height/128.0"
			echo "set output $(gpq "$tmp/$name.eps")"
		fi
		echo "replot"
		echo "unset output"
	} >>"$gp"
	gnuplot "$gp" || die "gnuplot failed on $name"
	if [ "$pdf_mode" = ps ]; then
		ps2pdf -dEPSCrop "$tmp/$name.eps" "$tmp_pdf" || die "ps2pdf failed on $name"
	fi
	if [ ! -s "$tmp_png" ] || [ ! -s "$tmp_pdf" ]; then
		die "gnuplot wrote no figure $name"
	fi
	mv -f "$tmp_png" "$dir/$name.png"
	mv -f "$tmp_pdf" "$dir/$name.pdf"
	say "wrote $dir/$name.png $dir/$name.pdf"
}
