/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Byte sequences for test_insn_class, assembled by the assembler itself
 * (gcc -m32 runs as --32): each case is the class the plugin's decoder
 * must give, as its name, then the length and the instruction's bytes,
 * legacy prefixes first where given.  An empty name ends the table.
 */
.macro case name, insn, prefix
	.asciz "\name"
	.byte 2f - 1f
1:
	.ifnb \prefix
	.byte \prefix
	.endif
	\insn
2:
.endm

	.section .rodata
	.globl	insn_cases
insn_cases:
	/* 0f 22 /r: the reg field picks the control register. */
	case cr0_write, "mov %eax, %cr0"
	case cr0_write, "mov %edi, %cr0"
	case cr3_write, "mov %edx, %cr3"
	case cr3_write, "mov %ecx, %cr3"
	case cr3_write, "mov %ecx, %cr3", "0x3e"
	case cr3_write, "mov %eax, %cr3", "0x66"
	case cr3_write, "mov %eax, %cr3", "0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x67"
	case cr4_write, "mov %edx, %cr4"
	case cr4_write, "mov %esi, %cr4", "0x2e"
	case cr_write_other, "mov %eax, %cr2"
	case cr_write_other, "mov %eax, %cr0", "0xf0"
	/* Reads of control registers are not writes. */
	case other, "mov %cr3, %eax"
	case other, "mov %cr0, %edx"
	case other, "mov %cr4, %ecx"
	/* Debug registers: 0f 21 reads, 0f 23 writes. */
	case dr_read, "mov %dr0, %edx"
	case dr_read, "mov %dr1, %ecx"
	case dr_read, "mov %dr7, %eax"
	case dr_write, "mov %edx, %dr0"
	case dr_write, "mov %ecx, %dr1"
	case dr_write, "mov %eax, %dr7"
	case dr_write, "mov %eax, %dr2", "0x3e"
	case rdmsr, "rdmsr"
	case wrmsr, "wrmsr"
	case other, "rdtsc"
	case other, "rdpmc"
	/* Group 7 (0f 01): descriptor tables and invlpg with memory operands. */
	case lgdt, "lgdt 4(%eax)"
	case lgdt, "lgdt (%ebx)"
	case lgdt, "lgdt 0x12345678"
	case lidt, "lidt 0x10(%eax)"
	case lidt, "lidt (%esp)"
	case lidt, "lidt 8(%esp,%ecx,4)", "0x36"
	case invlpg, "invlpg (%eax)"
	case invlpg, "invlpg 0x1000(%ebx,%ecx,4)"
	case other, "sgdt (%eax)"
	case other, "sidt (%eax)"
	case other, "smsw %ax"
	case other, "lmsw %ax"
	/* ... and with a register operand, other instructions entirely. */
	case other, "rdtscp"
	case other, "vmcall"
	case other, "monitor"
	case other, "mwait"
	/* Group 6 (0f 00): LDT, task register, segment checks. */
	case sldt, "sldt %eax"
	case sldt, "sldt (%eax)"
	case lldt, "lldt %dx"
	case lldt, "lldt (%eax)"
	case ltr, "ltr %dx"
	case ltr, "ltr 6(%ebx)"
	case verw, "verw %ax"
	case verw, "verw 4(%esp)"
	case verw, "verw 0x1c(%esp)", "0x36"
	case other, "str %eax"
	case other, "verr %ax"
	/* iret in either operand size; far and near returns are not. */
	case iret, "iret"
	case iret, "iretw"
	case other, "lret"
	case other, "ret"
	/* int $n; int3 and into have opcodes of their own. */
	case int_n, "int $0x1f"
	case int_n, "int $0x80"
	case int_n, "int $0x0e"
	case other, "int3"
	case other, "into"
	/* 0f ae: lfence only as np 0f ae /5 with mod 3. */
	case lfence, "lfence"
	case other, "mfence"
	case other, "sfence"
	case other, "xrstor (%eax)"
	case other, "clflush (%eax)"
	case other, "lfence", "0x66"
	case other, "lfence", "0xf3"
	/* The opcode's bytes inside an immediate or a displacement. */
	case other, "mov $0x00d8220f, %eax"
	case other, "movl $0xcf, 0x0f22(%eax)"
	case other, "pushl $0x0e"
	case other, "nop"
	case other, "rep movsb"
	/* Cut short: prefixes or an escape byte and nothing after them. */
	case other, ".byte 0x0f"
	case other, ".byte 0x0f, 0x22"
	case other, ".byte 0xcd"
	case other, ".byte 0x66, 0x2e"
	.asciz	""

	.section .note.GNU-stack, "", @progbits
