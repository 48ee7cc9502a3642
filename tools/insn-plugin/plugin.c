// SPDX-License-Identifier: GPL-2.0
/*
 * insn-plugin: a QEMU TCG plugin that counts, from outside the guest, the
 * instructions a real CPU charges for (insn_class.h), and the entries into
 * the lguest Switcher's IDT stubs.
 *
 *   qemu-system-i386 ... -plugin insn-plugin.so,out=FILE,switcher=ADDR,stubs=OFF
 *
 * It shares nothing with lg.ko: what it knows of the Switcher is two
 * numbers given on the command line.  ADDR is the base of the Switcher's
 * 4 MiB slot (the module prints it when it loads); OFF is where the IDT
 * stubs begin in the Switcher's text (the module's switcher_idt_stubs),
 * one stub every STUB_SIZE bytes, one per vector.
 *
 * At translation we look at each instruction's bytes and virtual address.
 * An instruction of a class we count, or the first instruction of a stub,
 * gets an inline counter, bumped by the generated code itself each time
 * the instruction starts: no callback, so the run is barely slowed.  (An
 * instruction that faults and runs again after the fault's handler counts
 * each time it starts; none of the Switcher's counted instructions faults
 * in a guest's normal run.)  The plugin cannot see CPL or cr3, and the
 * host and guest kernels share 0xC0000000 and up, so the only place it
 * can tell apart is the Switcher's slot, which both worlds map at the
 * same address and nothing else uses.  Everything outside it is counted as one, mixed
 * host and guest (host kernel, guest kernel, user space of both).
 *
 * At exit the counts go to FILE as CSV: event,place,count, place being
 * "switcher" or "mixed_host_guest"; stub entries as stub_entry (all
 * vectors) and stub_entry_N (vector N, where nonzero).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qemu-plugin.h>
#include "insn_class.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define SLOT_SIZE	(4UL << 20)	/* the Switcher's page-directory slot */
#define STUB_SIZE	16		/* the module's SWITCHER_STUB_SIZE */
#define VECTORS		256

enum place { SWITCHER, MIXED, PLACES };
static const char *const place_names[PLACES] = { "switcher", "mixed_host_guest" };

/*
 * One virtual CPU: the inline adds are plain read-modify-writes, which
 * two vCPUs running at once (MTTCG) would race on.
 */
static uint64_t counts[PLACES][INSN_CLASSES];
static uint64_t stub_entries[VECTORS];
static uint64_t switcher_base, stubs_offset;
static char *out_path;

static enum place place_of(uint64_t va)
{
	return va - switcher_base < SLOT_SIZE ? SWITCHER : MIXED;
}

/* The vector whose stub starts at va, or -1. */
static int stub_vector(uint64_t va)
{
	uint64_t off = va - switcher_base - stubs_offset;

	if (va - switcher_base < stubs_offset || off >= VECTORS * STUB_SIZE ||
	    off % STUB_SIZE)
		return -1;
	return off / STUB_SIZE;
}

static void count_on_exec(struct qemu_plugin_insn *insn, uint64_t *counter)
{
	qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
						   counter, 1);
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t i, n = qemu_plugin_tb_n_insns(tb);

	(void)id;
	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t va = qemu_plugin_insn_vaddr(insn);
		enum insn_class c = insn_classify(qemu_plugin_insn_data(insn),
						  qemu_plugin_insn_size(insn));
		int v = stub_vector(va);

		if (c != INSN_OTHER)
			count_on_exec(insn, &counts[place_of(va)][c]);
		if (v >= 0)
			count_on_exec(insn, &stub_entries[v]);
	}
}

static void write_counts(qemu_plugin_id_t id, void *unused)
{
	uint64_t all = 0;
	FILE *f;
	int p, c, v;

	(void)id;
	(void)unused;
	f = fopen(out_path, "w");
	if (!f) {
		qemu_plugin_outs("insn-plugin: cannot write the counts\n");
		return;
	}
	fprintf(f, "# switcher slot %#" PRIx64 "-%#" PRIx64 ", stubs at +%#" PRIx64 "\n",
		switcher_base, switcher_base + SLOT_SIZE, stubs_offset);
	fprintf(f, "event,place,count\n");
	for (c = INSN_OTHER + 1; c < INSN_CLASSES; c++)
		for (p = 0; p < PLACES; p++)
			fprintf(f, "%s,%s,%" PRIu64 "\n", insn_class_name(c),
				place_names[p], counts[p][c]);
	for (v = 0; v < VECTORS; v++)
		all += stub_entries[v];
	fprintf(f, "stub_entry,switcher,%" PRIu64 "\n", all);
	for (v = 0; v < VECTORS; v++)
		if (stub_entries[v])
			fprintf(f, "stub_entry_%d,switcher,%" PRIu64 "\n", v,
				stub_entries[v]);
	fclose(f);
}

/* "key=value" with a number for value: 1 if it matched key, -1 if bad. */
static int number_arg(const char *arg, const char *key, uint64_t *val)
{
	size_t n = strlen(key);
	char *end;

	if (strncmp(arg, key, n) || arg[n] != '=')
		return 0;
	*val = strtoull(arg + n + 1, &end, 0);
	return arg[n + 1] && !*end ? 1 : -1;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info, int argc,
					   char **argv)
{
	int have_base = 0, have_stubs = 0, i;

	if (!info->system_emulation || info->system.smp_vcpus != 1) {
		fprintf(stderr, "insn-plugin: counts one virtual CPU of a system emulator\n");
		return -1;
	}
	for (i = 0; i < argc; i++) {
		int a = number_arg(argv[i], "switcher", &switcher_base);
		int b = number_arg(argv[i], "stubs", &stubs_offset);

		have_base |= a;
		have_stubs |= b;
		if (!strncmp(argv[i], "out=", 4) && argv[i][4]) {
			out_path = strdup(argv[i] + 4);
		} else if (a != 1 && b != 1) {
			fprintf(stderr, "insn-plugin: bad argument '%s'\n", argv[i]);
			return -1;
		}
	}
	if (!out_path || have_base != 1 || have_stubs != 1 ||
	    switcher_base % SLOT_SIZE ||
	    stubs_offset + VECTORS * STUB_SIZE > SLOT_SIZE) {
		fprintf(stderr, "insn-plugin: wants out=FILE,switcher=ADDR,stubs=OFFSET (ADDR a 4 MiB slot, the stubs inside it)\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, write_counts, NULL);
	return 0;
}
