// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "reason.h"

void reason_text(const char *data, uint32_t len, char *out, size_t outlen)
{
	size_t i, n = strnlen(data, len);

	if (!outlen)
		return;
	while (n && (data[n - 1] == '\n' || data[n - 1] == '\r'))
		n--;
	if (n > outlen - 1)
		n = outlen - 1;
	for (i = 0; i < n; i++) {
		unsigned char c = data[i];

		out[i] = (c < 0x20 || c == 0x7f) ? '?' : c;
	}
	out[n] = '\0';
}

/*
 * Unsigned on purpose: a guest exiting with -1 must not look like success,
 * as clamping a negative status to 0 would make it.
 */
int shutdown_exit_status(uint32_t status)
{
	return status > 255 ? 255 : (int)status;
}
