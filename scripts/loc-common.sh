# Counting the host module's lines, for the paper (scripts/paper-data.sh)
# and Rusty's rule (scripts/workload-rusty.sh); sourced after common.sh,
# not run on its own.

# sloc FILE...: lines of code: no blank lines, no comment-only lines (C's
# /* */ and //, and the assembler's), counted by the preprocessor-free
# rule below.
sloc() {
	cat "$@" | awk '
	{
		line = $0
		out = ""
		while (line != "") {
			if (incomment) {
				e = index(line, "*/")
				if (!e) { line = ""; break }
				line = substr(line, e + 2); incomment = 0
			} else {
				s = index(line, "/*"); d = index(line, "//")
				if (d && (!s || d < s)) { out = out substr(line, 1, d - 1); line = "" }
				else if (s) { out = out substr(line, 1, s - 1); line = substr(line, s + 2); incomment = 1 }
				else { out = out line; line = "" }
			}
		}
		if (out ~ /[^ \t]/) n++
	}
	END { print n + 0 }'
}

# build_c BUILD: one build's own C: the lines between #ifdef LGUEST_<BUILD>
# and its #else or #endif.
build_c() {
	awk -v tag="#ifdef LGUEST_$1" '$1 " " $2 == tag { on = 1; next }
		on && /^#(else|endif)/ { on = 0; next } on' \
		"$TOP"/module/*.c "$TOP"/module/*.h
}

# The C of direct system calls (module/interrupts.c), which every build
# has and only direct_syscalls=1 runs: the functions that serve nothing
# else, whole, and every other line of code naming them or the knob.
DIRECT_SYSCALL_FUNCTIONS="syscall_gate_direct syscall_direct_ready update_syscall_gate pin_stack_page"
direct_syscall_c() {
	awk -v fns="$DIRECT_SYSCALL_FUNCTIONS" '
	BEGIN { n = split(fns, f, " "); for (i = 1; i <= n; i++) want[f[i]] = 1 }
	FNR == 1 { in_fn = 0 }
	!in_fn && /^[a-z].*\(/ && !/;$/ {
		name = $0; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
		if (name in want) in_fn = 1
	}
	in_fn { print; if (/^}/) in_fn = 0; next }
	/^[ \t]*(\*|\/\*|\/\/)/ { next }
	/direct_syscalls|syscall_direct|SYSCALL_FRAME_BYTES/ { print; next }
	{ for (name in want) if (index($0, name "(")) { print; next } }
	' "$TOP"/module/*.c "$TOP"/module/*.h
}

# module_lines: "WHAT LINES" for the module's lines of code and what each
# build adds to the baseline's: total (every file of module/), switcher
# (switcher_32.S), walker (the fastpath's Switcher code), fastpath_c,
# exitless (the exitless Switcher's code), exitless_c, direct_c.
module_lines() {
	echo "total $(sloc "$TOP"/module/*.c "$TOP"/module/*.h "$TOP"/module/*.S)"
	echo "switcher $(sloc "$TOP/module/switcher_32.S")"
	echo "walker $(sloc "$TOP/switcher_fastpath.S")"
	echo "fastpath_c $(build_c FASTPATH | sloc /dev/stdin)"
	echo "exitless $(sloc "$TOP/switcher_exitless.S")"
	echo "exitless_c $(build_c EXITLESS | sloc /dev/stdin)"
	echo "direct_c $(direct_syscall_c | sloc /dev/stdin)"
}
