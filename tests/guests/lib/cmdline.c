// SPDX-License-Identifier: GPL-2.0
#include "cmdline.h"
#include "report.h"
#include "str.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

u32 cmdline_uint(const char *key, u32 def)
{
	const char *p, *end;
	size_t klen = strlen(key);

	if (!boot_info->cmdline)
		return def;
	p = __va(boot_info->cmdline);
	end = p + boot_info->cmdline_len;
	while (p < end) {
		const char *word = p;
		u32 v = 0;

		while (p < end && !is_space(*p))
			p++;
		if ((size_t)(p - word) > klen && !memcmp(word, key, klen) &&
		    word[klen] == '=') {
			const char *d = word + klen + 1;

			if (d == p)
				report_abort("empty value for %s=", key);
			for (; d < p; d++) {
				u32 digit = (u32)(*d - '0');

				if (*d < '0' || *d > '9' ||
				    v > (0xFFFFFFFFu - digit) / 10)
					report_abort("bad value for %s=", key);
				v = v * 10 + digit;
			}
			return v;
		}
		while (p < end && is_space(*p))
			p++;
	}
	return def;
}
