/* SPDX-License-Identifier: GPL-2.0 */
/* What wait_irq.c tells the launcher, for the tests in tests/abi. */
#ifndef GUEST_WAIT_IRQ_H
#define GUEST_WAIT_IRQ_H

/* The LHCALL_NOTIFY value (notify=1): armed, about to halt. */
#define WAIT_IRQ_ARMED	0x41524d44	/* "ARMD" */

#endif
