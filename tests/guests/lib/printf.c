// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal vsnprintf and the console on top of it.  Output that does not
 * fit is cut, as snprintf does, and the return value is what would have been
 * written.
 */
#include "hcall.h"
#include "printf.h"
#include "str.h"

struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n,
		       unsigned int width, char pad)
{
	for (; width > n; width--)
		put(o, pad);
	while (n--)
		put(o, *s++);
}

static void put_number(struct out *o, u32 v, unsigned int base, bool neg,
		       unsigned int width, char pad)
{
	char digits[12];
	unsigned int n = sizeof(digits);

	do {
		digits[--n] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg) {
		/* The sign goes before zero padding, after space padding. */
		if (pad == '0') {
			put(o, '-');
			width = width ? width - 1 : 0;
		} else {
			digits[--n] = '-';
		}
	}
	put_padded(o, digits + n, sizeof(digits) - n, width, pad);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		unsigned int width = 0;
		char pad = ' ';
		const char *s;
		s32 d;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned int)(*fmt++ - '0');
		if (*fmt == 'l')	/* long is int here */
			fmt++;
		switch (*fmt) {
		case 'd':
			d = va_arg(ap, s32);
			put_number(&o, d < 0 ? -(u32)d : (u32)d, 10, d < 0,
				   width, pad);
			break;
		case 'u':
			put_number(&o, va_arg(ap, u32), 10, false, width, pad);
			break;
		case 'x':
			put_number(&o, va_arg(ap, u32), 16, false, width, pad);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_number(&o, (u32)va_arg(ap, void *), 16, false, 8, '0');
			break;
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			put_padded(&o, s, strlen(s), width, ' ');
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;	/* a lone '%' at the end */
			break;
		default:	/* unknown: show it rather than guess */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void console_write(const char *s, size_t len)
{
	while (len) {
		size_t n = len < LGUEST_DATA_MAX ? len : LGUEST_DATA_MAX;

		hcall2(LHCALL_CONSOLE_WRITE, __pa(s), n);
		s += n;
		len -= n;
	}
}

int vprintf(const char *fmt, va_list ap)
{
	/* On the stack, so a trap handler may print while main is printing. */
	char line[512];
	int n = vsnprintf(line, sizeof(line), fmt, ap);

	console_write(line, strlen(line));
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}
