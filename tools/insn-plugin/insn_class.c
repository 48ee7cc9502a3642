// SPDX-License-Identifier: GPL-2.0
/*
 * From an instruction's bytes to its class.  QEMU hands the plugin each
 * instruction whole, already cut at its boundaries, so nothing here needs
 * the instruction's length: only its prefixes, its opcode and, for the
 * two-byte opcodes that share one byte among several instructions, the
 * ModRM byte's fields.
 *
 * Only the 32-bit protected-mode meaning matters: the Switcher, the host
 * kernel and the guest kernel all run in it.  No REX prefix exists there,
 * and 0x40-0x4f are inc and dec.
 */
#include <stdbool.h>
#include "insn_class.h"

static const char *const names[INSN_CLASSES] = {
	[INSN_OTHER] = "other",
	[INSN_CR0_WRITE] = "cr0_write",
	[INSN_CR3_WRITE] = "cr3_write",
	[INSN_CR4_WRITE] = "cr4_write",
	[INSN_CR_WRITE_OTHER] = "cr_write_other",
	[INSN_DR_READ] = "dr_read",
	[INSN_DR_WRITE] = "dr_write",
	[INSN_RDMSR] = "rdmsr",
	[INSN_WRMSR] = "wrmsr",
	[INSN_LGDT] = "lgdt",
	[INSN_LIDT] = "lidt",
	[INSN_LTR] = "ltr",
	[INSN_LLDT] = "lldt",
	[INSN_SLDT] = "sldt",
	[INSN_INVLPG] = "invlpg",
	[INSN_IRET] = "iret",
	[INSN_INT_N] = "int_n",
	[INSN_VERW] = "verw",
	[INSN_LFENCE] = "lfence",
};

const char *insn_class_name(enum insn_class c)
{
	return c < INSN_CLASSES ? names[c] : "invalid";
}

/* The legacy prefixes: lock, rep and repne, segment overrides, sizes. */
static bool is_prefix(uint8_t b)
{
	switch (b) {
	case 0xf0: case 0xf2: case 0xf3:
	case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65:
	case 0x66: case 0x67:
		return true;
	}
	return false;
}

/* ModRM's reg field (bits 5-3) and whether it names a register (mod 3). */
#define MODRM_REG(m)	(((m) >> 3) & 7)
#define MODRM_IS_REG(m)	(((m) >> 6) == 3)

/* 0f 22 /r: which control register the write goes to. */
static enum insn_class cr_write(uint8_t modrm, bool lock)
{
	switch (MODRM_REG(modrm)) {
	case 0:
		/* AMD's alternative encoding of mov to %cr8. */
		return lock ? INSN_CR_WRITE_OTHER : INSN_CR0_WRITE;
	case 3:
		return INSN_CR3_WRITE;
	case 4:
		return INSN_CR4_WRITE;
	}
	return INSN_CR_WRITE_OTHER;
}

/* 0f 00 /r, group 6: the LDT and task register, and segment checks. */
static enum insn_class group6(uint8_t modrm)
{
	switch (MODRM_REG(modrm)) {
	case 0:
		return INSN_SLDT;
	case 2:
		return INSN_LLDT;
	case 3:
		return INSN_LTR;
	case 5:
		return INSN_VERW;
	}
	return INSN_OTHER;
}

/*
 * 0f 01 /r, group 7: with a memory operand, the descriptor-table loads
 * and invlpg; with a register one (mod 3) the same byte is another
 * instruction altogether (vmcall, monitor, swapgs, rdtscp, ...).
 */
static enum insn_class group7(uint8_t modrm)
{
	if (MODRM_IS_REG(modrm))
		return INSN_OTHER;
	switch (MODRM_REG(modrm)) {
	case 2:
		return INSN_LGDT;
	case 3:
		return INSN_LIDT;
	case 7:
		return INSN_INVLPG;
	}
	return INSN_OTHER;
}

enum insn_class insn_classify(const uint8_t *b, size_t len)
{
	bool lock = false, sized = false;
	size_t i = 0;
	uint8_t op;

	for (; i < len && is_prefix(b[i]); i++) {
		lock |= b[i] == 0xf0;
		/* 66, f2 and f3 turn some 0f opcodes into others. */
		sized |= b[i] == 0x66 || b[i] == 0xf2 || b[i] == 0xf3;
	}
	if (i >= len)
		return INSN_OTHER;
	op = b[i++];
	if (op == 0xcf)
		return INSN_IRET;
	if (op == 0xcd)
		return i < len ? INSN_INT_N : INSN_OTHER;
	if (op != 0x0f || i >= len)
		return INSN_OTHER;
	op = b[i++];
	if (op == 0x30)
		return INSN_WRMSR;
	if (op == 0x32)
		return INSN_RDMSR;
	/* The rest have a ModRM byte. */
	if (i >= len)
		return INSN_OTHER;
	switch (op) {
	case 0x00:
		return group6(b[i]);
	case 0x01:
		return group7(b[i]);
	case 0x21:
		return INSN_DR_READ;
	case 0x22:
		return cr_write(b[i], lock);
	case 0x23:
		return INSN_DR_WRITE;
	case 0xae:
		/* lfence is np 0f ae /5 with mod 3; with memory it is xrstor. */
		if (!sized && MODRM_IS_REG(b[i]) && MODRM_REG(b[i]) == 5)
			return INSN_LFENCE;
		return INSN_OTHER;
	}
	return INSN_OTHER;
}
