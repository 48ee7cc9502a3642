/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading the guest kernel: a 32-bit little-endian i386 ELF executable whose
 * PT_LOAD segments go to guest-physical p_paddr.  That suits both a Linux
 * vmlinux (physical load addresses, physical entry point) and the project's
 * test guests (linked at 0xC0100000, loaded at 0x100000, virtual entry).
 */
#ifndef LAUNCHER_ELF_H
#define LAUNCHER_ELF_H

#include <stddef.h>
#include <stdint.h>

/*
 * The type of the note that marks a kernel for lguest (name "lguest",
 * descriptor LGUEST_BOOT_MAGIC), as the guest kernel's ELFNOTE32() and the
 * test guests' entry.S write it.
 */
#define LGUEST_NOTE_BOOT	1

/* More program headers than any kernel has; bounds the overlap check. */
#define ELF_MAX_PHDRS	64

struct elf_image {
	uint32_t entry;		/* e_entry, as the guest starts at it */
	uint32_t end;		/* first gpa above every loaded segment */
};

/*
 * Checks the ELF in @file[0..@size) and, only if all of it is acceptable,
 * copies each PT_LOAD segment into @mem (guest-physical 0) and zeroes its
 * tail up to p_memsz.  Every segment must end at or below @limit, and the
 * entry point must lie in a segment once mapped by the boot page tables
 * (virtual X is guest-physical X, and X - LGUEST_PAGE_OFFSET above it).
 * Returns 0, or -1 with a message in @err, leaving @mem untouched.
 */
int elf_load(const void *file, size_t size, void *mem, uint32_t limit,
	     struct elf_image *img, char *err);

/*
 * Whether the ELF in @file (already accepted by elf_load()) is a kernel
 * for lguest: one of its PT_NOTE segments holds a note named "lguest", of
 * type LGUEST_NOTE_BOOT, whose 4-byte descriptor is LGUEST_BOOT_MAGIC.
 * The host's own vmlinux has no such note.  Returns 0, or -1 with a
 * message in @err.
 */
int elf_check_lguest_note(const void *file, size_t size, char *err);

#endif /* LAUNCHER_ELF_H */
