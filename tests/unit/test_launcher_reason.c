// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/reason.c: shutdown and kill reasons as printed,
 * and the exit status a shutdown gives.
 */
#include <stdio.h>
#include <string.h>

#include "reason.h"
#include "check.h"

static void expect(const char *data, uint32_t len, size_t outlen,
		   const char *want, const char *what)
{
	char out[64];

	memset(out, 'z', sizeof(out));
	reason_text(data, len, out, outlen);
	check(!strcmp(out, want), "%s: got '%s', want '%s'", what, out, want);
}

int main(void)
{
	expect("power off", 10, 64, "power off", "plain, with NUL");
	expect("power off\n", 11, 64, "power off", "trailing newline");
	expect("halt\r\n\n", 8, 64, "halt", "trailing CR and newlines");
	expect("abcdef", 3, 64, "abc", "no NUL within len");
	expect("ab\0cd", 5, 64, "ab", "stops at the NUL");
	expect("a\nb\tc\x1b[", 8, 64, "a?b?c?[", "control bytes replaced");
	expect("bad\x7f", 5, 64, "bad?", "DEL replaced");
	expect("caf\xc3\xa9", 6, 64, "caf\xc3\xa9", "UTF-8 kept");
	expect("abcdef", 7, 4, "abc", "truncated to the buffer");
	expect("", 0, 64, "", "empty");
	expect("\n", 2, 64, "", "only a newline");

	check(shutdown_exit_status(0) == 0, "status 0");
	check(shutdown_exit_status(3) == 3, "status 3");
	check(shutdown_exit_status(255) == 255, "status 255");
	check(shutdown_exit_status(256) == 255, "status 256 clamped");
	check(shutdown_exit_status(0xFFFFFFFFu) == 255,
	      "status -1 clamped to 255, not 0");
	return check_summary("launcher_reason");
}
