/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The core of the guest library: basic types, the boot information, the page
 * shared with the host, and the translation between the kernel's virtual
 * addresses and guest-physical ones.
 *
 * The launcher maps all of guest memory at LGUEST_PAGE_OFFSET, so a kernel
 * pointer and its guest-physical address differ by that constant.  The image
 * itself runs there; the identity mapping at 0 is left alone.
 */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lguest.h"

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;

#define PAGE_SIZE	4096u
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define X86_EFLAGS_IF	0x200u

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define __noreturn	__attribute__((noreturn))
#define __aligned(n)	__attribute__((aligned(n)))
#define __printf(a, b)	__attribute__((format(printf, a, b)))

#define barrier()		asm volatile("" ::: "memory")
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))

/* The page shared with the host, registered by LHCALL_GUEST_INIT at boot. */
extern struct lguest_data lguest_data;
/* What the launcher handed us in %esi, through its kernel mapping. */
extern const struct lguest_boot_info *boot_info;
/*
 * The LGUEST_INIT_* flags setup.c passes to LHCALL_GUEST_INIT; the library's
 * (weak) definition is LGUEST_INIT_LINEAR_MAP, and a guest may define its
 * own, e.g. "u32 guest_init_flags = 0;".
 */
extern u32 guest_init_flags;
/* The end of the loaded image, from the linker script. */
extern char _end[];

static inline u32 __pa(const void *p)
{
	return (u32)p - LGUEST_PAGE_OFFSET;
}

static inline void *__va(u32 pa)
{
	return (void *)(pa + LGUEST_PAGE_OFFSET);
}

static inline u32 page_align(u32 x)
{
	return (x + PAGE_SIZE - 1) & PAGE_MASK;
}

/* Stops the guest with this status; the launcher exits with it. */
void guest_shutdown(int status) __noreturn;

/* Every guest provides it: its return value is the shutdown status. */
int main(void);

#endif
