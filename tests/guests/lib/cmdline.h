/* SPDX-License-Identifier: GPL-2.0 */
/* The launcher's command line for the guest: "key=value" words. */
#ifndef GUEST_CMDLINE_H
#define GUEST_CMDLINE_H

#include "guest.h"

/* The decimal value of key=, def if absent; aborts on a malformed value. */
u32 cmdline_uint(const char *key, u32 def);

#endif
