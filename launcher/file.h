/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Input files (guest ELF, initrd) are mapped rather than read: a vmlinux
 * with debug information can be far larger than what gets loaded.
 */
#ifndef LAUNCHER_FILE_H
#define LAUNCHER_FILE_H

#include <stddef.h>

struct mapped_file {
	const void *data;
	size_t size;
};

/*
 * Maps the regular, non-empty file @path read-only.  @what names it in
 * messages ("guest", "initrd").  Returns 0, or -1 with a message in @err.
 */
int map_file(const char *path, const char *what, struct mapped_file *f,
	     char *err);
void unmap_file(struct mapped_file *f);

#endif /* LAUNCHER_FILE_H */
