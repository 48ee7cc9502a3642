// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/elf.c: ELF images built in memory, loaded into a
 * dirty guest-memory buffer.  A load must copy the file bytes, zero the rest
 * of each segment and touch nothing else; a rejected load touches nothing.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../module/uapi/lguest.h"
#include "elf.h"
#include "errmsg.h"
#include "check.h"

#define MEM_SIZE	(4u << 20)
#define LIMIT		(MEM_SIZE - 0x3000)	/* as boot_plan() for 4 MiB */
#define DIRT		0xAA
#define IMAGE_MAX	(64u << 10)
/* Segment i's bytes (at most 16 KiB) start here, and are all i + 1. */
#define SEG_OFFSET(i)	(0x4000u * ((i) + 1))

struct seg {
	uint32_t type, paddr, vaddr, filesz, memsz;
};

static unsigned char image[IMAGE_MAX];
static unsigned char *mem;

/* A test guest's text: linked at 0xC0100000, loaded at 0x100000. */
static const struct seg guest_segs[] = {
	{ PT_LOAD, 0x100000, 0xC0100000, 0x1800, 0x3000 },
};
#define GUEST_ENTRY	0xC0100010

/* Like a vmlinux: physical addresses and entry, plus a PT_NOTE. */
static const struct seg vmlinux_segs[] = {
	{ PT_LOAD, 0x200000, 0xC0200000, 0x2000, 0x2000 },
	{ PT_LOAD, 0x202000, 0xC0202000, 0x800, 0x5000 },
	{ PT_NOTE, 0x201f00, 0xC0201f00, 0x40, 0x40 },
};
#define VMLINUX_ENTRY	0x200000

/* Builds an ELF of @n segments into image[]; returns its size. */
static size_t build(uint32_t entry, const struct seg *segs, unsigned int n)
{
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32,
			     ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC,
		.e_machine = EM_386,
		.e_version = EV_CURRENT,
		.e_entry = entry,
		.e_phoff = sizeof(Elf32_Ehdr),
		.e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr),
		.e_phnum = n,
	};
	size_t size = SEG_OFFSET(0);
	unsigned int i;

	memset(image, 0, sizeof(image));
	memcpy(image, &eh, sizeof(eh));
	for (i = 0; i < n; i++) {
		Elf32_Phdr ph = {
			.p_type = segs[i].type,
			.p_offset = SEG_OFFSET(i),
			.p_vaddr = segs[i].vaddr,
			.p_paddr = segs[i].paddr,
			.p_filesz = segs[i].filesz,
			.p_memsz = segs[i].memsz,
			.p_flags = PF_R | PF_W | PF_X,
			.p_align = 0x1000,
		};

		memcpy(image + eh.e_phoff + i * sizeof(ph), &ph, sizeof(ph));
		memset(image + SEG_OFFSET(i), i + 1, segs[i].filesz);
		if (SEG_OFFSET(i) + segs[i].filesz > size)
			size = SEG_OFFSET(i) + segs[i].filesz;
	}
	return size;
}

static Elf32_Ehdr *ehdr(void)
{
	return (Elf32_Ehdr *)image;
}

static Elf32_Phdr *phdr(unsigned int i)
{
	return (Elf32_Phdr *)(image + sizeof(Elf32_Ehdr)) + i;
}

static int mem_is(uint32_t from, uint32_t to, unsigned char c)
{
	for (; from < to; from++)
		if (mem[from] != c)
			return 0;
	return 1;
}

/* Segments were built from non-overlapping file ranges: see SEG_OFFSET. */
static void check_loaded(const struct seg *segs, unsigned int n,
			 const char *what)
{
	uint32_t lo = MEM_SIZE, hi = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct seg *s = &segs[i];

		if (s->type != PT_LOAD)
			continue;
		check(mem_is(s->paddr, s->paddr + s->filesz, i + 1),
		      "%s: segment %u file bytes copied", what, i);
		check(mem_is(s->paddr + s->filesz, s->paddr + s->memsz, 0),
		      "%s: segment %u zeroed up to memsz", what, i);
		if (s->paddr < lo)
			lo = s->paddr;
		if (s->paddr + s->memsz > hi)
			hi = s->paddr + s->memsz;
	}
	check(mem_is(0, lo, DIRT), "%s: nothing written below", what);
	check(mem_is(hi, MEM_SIZE, DIRT), "%s: nothing written above", what);
}

static int load(size_t size, struct elf_image *img, char *err)
{
	memset(mem, DIRT, MEM_SIZE);
	err[0] = '\0';
	return elf_load(image, size, mem, LIMIT, img, err);
}

static void accept(size_t size, const char *what, struct elf_image *img)
{
	char err[ERR_MAX];
	int ret = load(size, img, err);

	check(ret == 0, "%s: accepted (ret %d, '%s')", what, ret, err);
}

static void reject(size_t size, const char *needle, const char *what)
{
	struct elf_image img;
	char err[ERR_MAX];
	int ret = load(size, &img, err);

	check(ret == -1, "%s: rejected (ret %d)", what, ret);
	check_contains(err, needle, what);
	check(mem_is(0, MEM_SIZE, DIRT), "%s: guest memory untouched", what);
}

static void test_valid(void)
{
	struct elf_image img;
	size_t size;

	size = build(GUEST_ENTRY, guest_segs, 1);
	accept(size, "test guest", &img);
	check(img.entry == GUEST_ENTRY, "test guest: virtual entry 0x%x",
	      img.entry);
	check(img.end == 0x103000, "test guest: end 0x%x", img.end);
	check_loaded(guest_segs, 1, "test guest");

	size = build(VMLINUX_ENTRY, vmlinux_segs, 3);
	accept(size, "vmlinux-like", &img);
	check(img.entry == VMLINUX_ENTRY, "vmlinux-like: physical entry 0x%x",
	      img.entry);
	check(img.end == 0x207000, "vmlinux-like: end 0x%x", img.end);
	check_loaded(vmlinux_segs, 3, "vmlinux-like");

	/* A segment may end exactly at the limit. */
	{
		const struct seg top[] = {
			{ PT_LOAD, LIMIT - 0x2000, LIMIT - 0x2000, 0x100,
			  0x2000 },
		};

		size = build(LIMIT - 0x2000, top, 1);
		accept(size, "segment ending at the limit", &img);
		check_loaded(top, 1, "segment ending at the limit");
	}

	/* Adjacent segments do not overlap. */
	{
		const struct seg adj[] = {
			{ PT_LOAD, 0x100000, 0x100000, 0x10, 0x1000 },
			{ PT_LOAD, 0x101000, 0x101000, 0x10, 0x1000 },
		};

		size = build(0x100000, adj, 2);
		accept(size, "adjacent segments", &img);
		check_loaded(adj, 2, "adjacent segments");
	}

	/* An empty PT_LOAD is skipped, wherever it claims to be. */
	{
		const struct seg empty[] = {
			{ PT_LOAD, 0x100000, 0xC0100000, 0x10, 0x10 },
			{ PT_LOAD, 0xF0000000, 0xF0000000, 0, 0 },
		};

		size = build(0xC0100000, empty, 2);
		accept(size, "empty PT_LOAD", &img);
	}
}

static void test_bad_header(void)
{
	size_t size = build(GUEST_ENTRY, guest_segs, 1);

	memcpy(image, "hi\n", 3);
	reject(3, "not an ELF", "3-byte text file");
	reject(size, "not an ELF", "bad magic");

	size = build(GUEST_ENTRY, guest_segs, 1);
	reject(40, "truncated ELF header", "truncated header");
	reject(60, "truncated ELF", "truncated program headers");
	reject(SEG_OFFSET(0) + 0x100, "truncated ELF", "truncated segment");

	ehdr()->e_ident[EI_CLASS] = ELFCLASS64;
	reject(size, "32-bit", "64-bit class");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_ident[EI_DATA] = ELFDATA2MSB;
	reject(size, "little-endian", "big-endian");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_machine = EM_X86_64;
	reject(size, "i386", "x86-64 machine");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_machine = EM_ARM;
	reject(size, "i386", "ARM machine");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_type = ET_DYN;
	reject(size, "executable", "shared object");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_version = 7;
	reject(size, "version", "bad version");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_phentsize = 40;
	reject(size, "program header size", "bad phentsize");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_phnum = 0;
	reject(size, "program header count", "no program headers");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_phnum = ELF_MAX_PHDRS + 1;
	reject(size, "program header count", "too many program headers");
	size = build(GUEST_ENTRY, guest_segs, 1);
	ehdr()->e_phoff = 0xFFFFFFF0;
	reject(size, "truncated ELF", "program headers past the end");
}

static void test_bad_segments(void)
{
	size_t size;

	size = build(GUEST_ENTRY, guest_segs, 1);
	phdr(0)->p_filesz = 0x4000;
	reject(size, "exceeds memory size", "filesz > memsz");

	size = build(GUEST_ENTRY, guest_segs, 1);
	phdr(0)->p_offset = 0xFFFFF000;
	reject(size, "truncated ELF", "segment offset wraps");

	size = build(GUEST_ENTRY, guest_segs, 1);
	phdr(0)->p_paddr = LIMIT - 0x1000;
	reject(size, "does not fit", "segment crossing the limit");

	size = build(GUEST_ENTRY, guest_segs, 1);
	phdr(0)->p_paddr = MEM_SIZE + 0x100000;
	reject(size, "does not fit", "segment beyond guest memory");

	size = build(GUEST_ENTRY, guest_segs, 1);
	phdr(0)->p_paddr = 0xFFFFF000;
	reject(size, "does not fit", "segment wrapping at 4 GiB");

	size = build(GUEST_ENTRY, guest_segs, 1);
	phdr(0)->p_paddr = 0xC0100000;
	reject(size, "does not fit", "virtual address as paddr");

	{
		const struct seg over[] = {
			{ PT_LOAD, 0x100000, 0x100000, 0x10, 0x2000 },
			{ PT_LOAD, 0x101000, 0x101000, 0x10, 0x1000 },
		};

		size = build(0x100000, over, 2);
		reject(size, "overlap", "overlapping segments");
	}
	{
		const struct seg inside[] = {
			{ PT_LOAD, 0x100000, 0x100000, 0x10, 0x10000 },
			{ PT_LOAD, 0x104000, 0x104000, 0x10, 0x1000 },
		};

		size = build(0x100000, inside, 2);
		reject(size, "overlap", "segment inside another");
	}
	{
		const struct seg notes[] = {
			{ PT_NOTE, 0x100000, 0x100000, 0x10, 0x10 },
		};

		size = build(0x100000, notes, 1);
		reject(size, "no loadable segment", "no PT_LOAD");
	}
}

static void test_bad_entry(void)
{
	size_t size;

	size = build(0xC0200000, guest_segs, 1);
	reject(size, "entry point 0xc0200000", "entry after the segment");
	size = build(0x0, guest_segs, 1);
	reject(size, "entry point", "entry 0");
	size = build(0xF0100000, guest_segs, 1);
	reject(size, "entry point", "entry above the kernel mapping");
	size = build(0x207000, vmlinux_segs, 3);
	reject(size, "entry point", "entry past vmlinux-like");
}

/* Writes a note at @off of the image; returns its size. */
static size_t put_note(size_t off, const char *name, uint32_t type,
		       uint32_t descsz, uint32_t desc)
{
	Elf32_Nhdr nh = {
		.n_namesz = strlen(name) + 1, .n_descsz = descsz, .n_type = type,
	};
	size_t name_len = (nh.n_namesz + 3) & ~3u;

	memcpy(image + off, &nh, sizeof(nh));
	memset(image + off + sizeof(nh), 0, name_len + 4);
	memcpy(image + off + sizeof(nh), name, nh.n_namesz);
	memcpy(image + off + sizeof(nh) + name_len, &desc, sizeof(desc));
	return sizeof(nh) + name_len + ((descsz + 3) & ~3u);
}

/* The vmlinux image, its PT_NOTE (segment 2) holding @n bytes of notes. */
static size_t note_image(size_t n)
{
	size_t size = build(VMLINUX_ENTRY, vmlinux_segs, 3);

	memset(image + SEG_OFFSET(2), 0, 0x40);
	phdr(2)->p_filesz = n;
	return size;
}

static void test_lguest_note(void)
{
	char err[ERR_MAX];
	size_t size, n;

	/* Another note first, as a real vmlinux has (Linux, Xen...). */
	note_image(0);
	n = put_note(SEG_OFFSET(2), "Linux", 6, 4, 0);
	n += put_note(SEG_OFFSET(2) + n, "lguest", LGUEST_NOTE_BOOT, 4, LGUEST_BOOT_MAGIC);
	size = SEG_OFFSET(2) + 0x40;
	phdr(2)->p_filesz = n;
	check(elf_check_lguest_note(image, size, err) == 0,
	      "note: accepted after another note: %s", err);

	size = note_image(0);
	check(elf_check_lguest_note(image, size, err) == -1 &&
	      strstr(err, "not an lguest kernel"), "note: empty PT_NOTE refused");

	note_image(0);
	n = put_note(SEG_OFFSET(2), "lguest", LGUEST_NOTE_BOOT, 4, 0x12345678);
	phdr(2)->p_filesz = n;
	check(elf_check_lguest_note(image, SEG_OFFSET(2) + 0x40, err) == -1,
	      "note: wrong magic refused");

	note_image(0);
	n = put_note(SEG_OFFSET(2), "lguesT", LGUEST_NOTE_BOOT, 4, LGUEST_BOOT_MAGIC);
	phdr(2)->p_filesz = n;
	check(elf_check_lguest_note(image, SEG_OFFSET(2) + 0x40, err) == -1,
	      "note: wrong name refused");

	note_image(0);
	n = put_note(SEG_OFFSET(2), "lguest", 2, 4, LGUEST_BOOT_MAGIC);
	phdr(2)->p_filesz = n;
	check(elf_check_lguest_note(image, SEG_OFFSET(2) + 0x40, err) == -1,
	      "note: wrong type refused");

	/* A note cut short by its segment, or by the file, is no note. */
	note_image(0);
	n = put_note(SEG_OFFSET(2), "lguest", LGUEST_NOTE_BOOT, 4, LGUEST_BOOT_MAGIC);
	phdr(2)->p_filesz = n - 1;
	check(elf_check_lguest_note(image, SEG_OFFSET(2) + 0x40, err) == -1,
	      "note: truncated by its segment refused");
	phdr(2)->p_filesz = n;
	check(elf_check_lguest_note(image, SEG_OFFSET(2) + n - 1, err) == -1,
	      "note: segment past the end of the file refused");

	/* A descriptor size that would run off the segment. */
	note_image(0);
	n = put_note(SEG_OFFSET(2), "lguest", LGUEST_NOTE_BOOT, 0xFFFFFFF0u,
		     LGUEST_BOOT_MAGIC);
	phdr(2)->p_filesz = 0x40;
	check(elf_check_lguest_note(image, SEG_OFFSET(2) + 0x40, err) == -1,
	      "note: huge descriptor size refused");

	/* A test guest's image, with no PT_NOTE at all. */
	size = build(GUEST_ENTRY, guest_segs, 1);
	check(elf_check_lguest_note(image, size, err) == -1,
	      "note: no PT_NOTE refused");
}

int main(void)
{
	mem = malloc(MEM_SIZE);
	if (!mem) {
		printf("FAIL: cannot allocate guest memory\n");
		return 1;
	}
	test_valid();
	test_bad_header();
	test_bad_segments();
	test_bad_entry();
	test_lguest_note();
	free(mem);
	return check_summary("launcher_elf");
}
