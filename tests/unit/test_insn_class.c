// SPDX-License-Identifier: GPL-2.0
/*
 * The TCG plugin's decoder (tools/insn-plugin/insn_class.c) against
 * instructions as the assembler encodes them (insn_cases.S): every case
 * gets its class, and every class the plugin counts has a case.
 */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "insn_class.h"

extern const char insn_cases[];

int main(void)
{
	unsigned int seen[INSN_CLASSES] = { 0 };
	const char *p = insn_cases;
	unsigned int n = 0, c;

	while (*p) {
		const char *want = p;
		const unsigned char *bytes;
		enum insn_class got;
		size_t len;

		p += strlen(p) + 1;
		len = (unsigned char)*p++;
		bytes = (const unsigned char *)p;
		p += len;
		got = insn_classify(bytes, len);
		check(strcmp(insn_class_name(got), want) == 0,
		      "case %u (%zu bytes, first %02x): %s, wanted %s", n, len,
		      len ? bytes[0] : 0, insn_class_name(got), want);
		for (c = 0; c < INSN_CLASSES; c++)
			if (strcmp(insn_class_name(c), want) == 0)
				seen[c]++;
		n++;
	}
	check(n > 60, "the table has its cases (%u)", n);
	for (c = 0; c < INSN_CLASSES; c++)
		check(seen[c] > 0, "class %s has a case", insn_class_name(c));
	check(insn_classify(NULL, 0) == INSN_OTHER, "no bytes: other");
	check(strcmp(insn_class_name(INSN_CLASSES), "invalid") == 0,
	      "a class out of range has no name");
	return check_summary("test_insn_class");
}
