// SPDX-License-Identifier: GPL-2.0
/*
 * The lguest launcher: "launcher [-m MIB] [-i INITRD] [-c CMDLINE] [-q]
 * GUEST.elf" (launch.c does the work).
 */
#include "launch.h"

int main(int argc, char **argv)
{
	return launch(argc, argv);
}
