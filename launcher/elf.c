// SPDX-License-Identifier: GPL-2.0
#include <elf.h>
#include <string.h>

#include "../module/uapi/lguest.h"
#include "elf.h"
#include "errmsg.h"

static int check_header(const Elf32_Ehdr *eh, size_t size, char *err)
{
	uint64_t ph_end;

	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return seterr(err, "not a 32-bit ELF (class %u)",
			      eh->e_ident[EI_CLASS]);
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return seterr(err, "not a little-endian ELF (data %u)",
			      eh->e_ident[EI_DATA]);
	if (eh->e_machine != EM_386)
		return seterr(err, "not an i386 ELF (machine %u)",
			      eh->e_machine);
	if (eh->e_type != ET_EXEC)
		return seterr(err, "not an executable ELF (type %u)",
			      eh->e_type);
	if (eh->e_version != EV_CURRENT)
		return seterr(err, "unknown ELF version %u", eh->e_version);
	if (eh->e_phentsize != sizeof(Elf32_Phdr))
		return seterr(err, "bad ELF program header size %u",
			      eh->e_phentsize);
	if (eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHDRS)
		return seterr(err, "bad ELF program header count %u",
			      eh->e_phnum);
	ph_end = (uint64_t)eh->e_phoff +
		 (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr);
	if (ph_end > size)
		return seterr(err, "truncated ELF: program headers end at %llu, file has %zu bytes",
			      (unsigned long long)ph_end, size);
	return 0;
}

static int check_segment(const Elf32_Phdr *ph, unsigned int i, size_t size,
			 uint32_t limit, char *err)
{
	uint64_t file_end = (uint64_t)ph->p_offset + ph->p_filesz;
	uint64_t mem_end = (uint64_t)ph->p_paddr + ph->p_memsz;

	if (ph->p_filesz > ph->p_memsz)
		return seterr(err, "ELF segment %u: file size 0x%x exceeds memory size 0x%x",
			      i, ph->p_filesz, ph->p_memsz);
	if (file_end > size)
		return seterr(err, "truncated ELF: segment %u ends at file offset %llu, file has %zu bytes",
			      i, (unsigned long long)file_end, size);
	if (mem_end > limit)
		return seterr(err, "ELF segment %u at 0x%x-0x%llx does not fit in guest memory below 0x%x (page tables, boot info and initrd lie above)",
			      i, ph->p_paddr, (unsigned long long)mem_end,
			      limit);
	return 0;
}

static int overlap(const Elf32_Phdr *a, const Elf32_Phdr *b)
{
	return a->p_paddr < b->p_paddr + b->p_memsz &&
	       b->p_paddr < a->p_paddr + a->p_memsz;
}

/* The gpa the boot page tables map virtual @va to (if it is mapped at all). */
static uint32_t boot_gpa(uint32_t va)
{
	return va >= LGUEST_PAGE_OFFSET ? va - LGUEST_PAGE_OFFSET : va;
}

static int in_segment(const Elf32_Phdr *ph, uint32_t gpa)
{
	return gpa >= ph->p_paddr &&
	       (uint64_t)gpa < (uint64_t)ph->p_paddr + ph->p_memsz;
}

int elf_load(const void *file, size_t size, void *mem, uint32_t limit,
	     struct elf_image *img, char *err)
{
	/* Copies, because nothing promises the headers are aligned. */
	Elf32_Ehdr eh;
	Elf32_Phdr ph[ELF_MAX_PHDRS];
	unsigned int i, j, n = 0, load[ELF_MAX_PHDRS];
	int entry_ok = 0;
	uint32_t end = 0;

	/* A short text file is "not an ELF", not a truncated one. */
	if (size < SELFMAG || memcmp(file, ELFMAG, SELFMAG))
		return seterr(err, "not an ELF file (bad magic)");
	if (size < sizeof(eh))
		return seterr(err, "truncated ELF header (%zu bytes)", size);
	memcpy(&eh, file, sizeof(eh));
	if (check_header(&eh, size, err))
		return -1;
	memcpy(ph, (const char *)file + eh.e_phoff,
	       eh.e_phnum * sizeof(ph[0]));

	/* Everything is checked before a single byte lands in guest memory. */
	for (i = 0; i < eh.e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if (check_segment(&ph[i], i, size, limit, err))
			return -1;
		for (j = 0; j < n; j++)
			if (overlap(&ph[load[j]], &ph[i]))
				return seterr(err, "ELF segments %u and %u overlap",
					      load[j], i);
		if (in_segment(&ph[i], boot_gpa(eh.e_entry)))
			entry_ok = 1;
		if (ph[i].p_paddr + ph[i].p_memsz > end)
			end = ph[i].p_paddr + ph[i].p_memsz;
		load[n++] = i;
	}
	if (n == 0)
		return seterr(err, "ELF has no loadable segment");
	if (!entry_ok)
		return seterr(err, "ELF entry point 0x%x is not in a loaded segment",
			      eh.e_entry);

	for (i = 0; i < n; i++) {
		const Elf32_Phdr *p = &ph[load[i]];
		char *dst = (char *)mem + p->p_paddr;

		memcpy(dst, (const char *)file + p->p_offset, p->p_filesz);
		memset(dst + p->p_filesz, 0, p->p_memsz - p->p_filesz);
	}
	img->entry = eh.e_entry;
	img->end = end;
	return 0;
}

/* A note's name and descriptor are each padded to 4 bytes. */
#define NOTE_PAD(n)	(((uint64_t)(n) + 3) & ~(uint64_t)3)

/* Whether the notes in @p[0..@len) hold the lguest boot note. */
static int has_lguest_note(const unsigned char *p, uint64_t len)
{
	static const char name[] = "lguest";
	uint64_t off = 0;

	while (off + sizeof(Elf32_Nhdr) <= len) {
		Elf32_Nhdr nh;
		uint64_t desc, next;
		uint32_t magic;

		memcpy(&nh, p + off, sizeof(nh));
		desc = off + sizeof(nh) + NOTE_PAD(nh.n_namesz);
		next = desc + NOTE_PAD(nh.n_descsz);
		if (next > len)
			return 0;
		if (nh.n_namesz == sizeof(name) && nh.n_type == LGUEST_NOTE_BOOT &&
		    nh.n_descsz == sizeof(magic) &&
		    !memcmp(p + off + sizeof(nh), name, sizeof(name))) {
			memcpy(&magic, p + desc, sizeof(magic));
			if (magic == LGUEST_BOOT_MAGIC)
				return 1;
		}
		off = next;
	}
	return 0;
}

int elf_check_lguest_note(const void *file, size_t size, char *err)
{
	const unsigned char *f = file;
	Elf32_Ehdr eh;
	unsigned int i;

	memcpy(&eh, f, sizeof(eh));
	for (i = 0; i < eh.e_phnum; i++) {
		Elf32_Phdr ph;

		memcpy(&ph, f + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_NOTE ||
		    (uint64_t)ph.p_offset + ph.p_filesz > size)
			continue;
		if (has_lguest_note(f + ph.p_offset, ph.p_filesz))
			return 0;
	}
	return seterr(err, "not an lguest kernel: no \"lguest\" ELF note (the host's own vmlinux, or a kernel built without CONFIG_LGUEST_GUEST?)");
}
