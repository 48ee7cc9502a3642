/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The instruction classes the plugin counts: the operations a real CPU
 * charges for out of proportion to their length (they serialize the
 * pipeline, flush the TLB, or walk descriptor tables), recognised from an
 * instruction's bytes alone.
 */
#ifndef INSN_CLASS_H
#define INSN_CLASS_H

#include <stddef.h>
#include <stdint.h>

enum insn_class {
	INSN_OTHER,		/* none of the below */
	INSN_CR0_WRITE,		/* mov %reg, %cr0 */
	INSN_CR3_WRITE,		/* mov %reg, %cr3: a TLB flush */
	INSN_CR4_WRITE,		/* mov %reg, %cr4 */
	INSN_CR_WRITE_OTHER,	/* mov to %cr2, or %cr8 through lock */
	INSN_DR_READ,		/* mov %drN, %reg */
	INSN_DR_WRITE,		/* mov %reg, %drN */
	INSN_RDMSR,
	INSN_WRMSR,
	INSN_LGDT,
	INSN_LIDT,
	INSN_LTR,
	INSN_LLDT,
	INSN_SLDT,
	INSN_INVLPG,
	INSN_IRET,		/* iret, with or without an operand-size prefix */
	INSN_INT_N,		/* int $n (not int3 or into) */
	INSN_VERW,
	INSN_LFENCE,
	INSN_CLASSES
};

/* The class of the instruction in bytes[0..len), 32-bit protected mode. */
enum insn_class insn_classify(const uint8_t *bytes, size_t len);

/* Its name in the plugin's output: "cr3_write", "iret", ... */
const char *insn_class_name(enum insn_class c);

#endif /* INSN_CLASS_H */
