/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LAUNCHER_REASON_H
#define LAUNCHER_REASON_H

#include <stddef.h>
#include <stdint.h>

/*
 * Turns the reason a guest or the host gave for stopping (@data, at most
 * @len bytes, maybe NUL-terminated) into one printable line in @out of
 * @outlen bytes: it ends at the first NUL, loses trailing newlines, and
 * other control bytes become '?', so the guest cannot forge further lines
 * in the launcher's output.
 */
void reason_text(const char *data, uint32_t len, char *out, size_t outlen);

/* The exit status for a guest's shutdown status: 255 for anything above. */
int shutdown_exit_status(uint32_t status);

#endif /* LAUNCHER_REASON_H */
