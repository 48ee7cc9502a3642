/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lg.ko's trace events: one for every thing the host counts in struct
 * lguest_counters, fired where it counts it, so that perf (perf stat -e
 * 'lguest:*') counts what the module counts, from outside the module.
 *
 * The Switcher cannot fire events: it runs on the guest's page tables,
 * where the tracer is not mapped.  What it does on its own (the walker's
 * reflections and fallbacks, the exitless build's fills and SET_PTEs) the
 * host learns at the next exit, and fires one event for each of them
 * then: the count is exact, the timestamp is that exit's.
 *
 * One event counts nothing the host counts: lguest_switcher_nmi, an NMI
 * that landed inside the Switcher, with where.  The host only notes those
 * (switcher_nmi in switcher_32.S); the NMI storm test reads the places to
 * see how many of the Switcher's instructions its NMIs reached.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM lguest

#if !defined(_LG_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _LG_TRACE_H

#include <linux/tracepoint.h>

/* Every return from the guest: one trip, two world switches. */
TRACE_EVENT(lguest_exit,
	TP_PROTO(unsigned int trap, unsigned int errcode, unsigned int eip),
	TP_ARGS(trap, errcode, eip),
	TP_STRUCT__entry(
		__field(unsigned int, trap)
		__field(unsigned int, errcode)
		__field(unsigned int, eip)
	),
	TP_fast_assign(
		__entry->trap = trap;
		__entry->errcode = errcode;
		__entry->eip = eip;
	),
	TP_printk("trap=%u errcode=%#x eip=%#x", __entry->trap,
		  __entry->errcode, __entry->eip)
);

/* A hypercall the host ran: by trap (async 0) or from the ring (1). */
TRACE_EVENT(lguest_hcall,
	TP_PROTO(unsigned int nr, bool async),
	TP_ARGS(nr, async),
	TP_STRUCT__entry(
		__field(unsigned int, nr)
		__field(bool, async)
	),
	TP_fast_assign(
		__entry->nr = nr;
		__entry->async = async;
	),
	TP_printk("nr=%u async=%d", __entry->nr, __entry->async)
);

/* A page fault the host fixed in its shadow, unseen by the guest. */
TRACE_EVENT(lguest_host_fix,
	TP_PROTO(unsigned int cr2, unsigned int errcode),
	TP_ARGS(cr2, errcode),
	TP_STRUCT__entry(
		__field(unsigned int, cr2)
		__field(unsigned int, errcode)
	),
	TP_fast_assign(
		__entry->cr2 = cr2;
		__entry->errcode = errcode;
	),
	TP_printk("cr2=%#x errcode=%#x", __entry->cr2, __entry->errcode)
);

/* An exception the host delivered to the guest's handler (14: a fault). */
TRACE_EVENT(lguest_host_reflect,
	TP_PROTO(unsigned int trap, unsigned int errcode),
	TP_ARGS(trap, errcode),
	TP_STRUCT__entry(
		__field(unsigned int, trap)
		__field(unsigned int, errcode)
	),
	TP_fast_assign(
		__entry->trap = trap;
		__entry->errcode = errcode;
	),
	TP_printk("trap=%u errcode=%#x", __entry->trap, __entry->errcode)
);

/* A virtual interrupt delivered to the guest. */
TRACE_EVENT(lguest_irq,
	TP_PROTO(unsigned int irq),
	TP_ARGS(irq),
	TP_STRUCT__entry(
		__field(unsigned int, irq)
	),
	TP_fast_assign(
		__entry->irq = irq;
	),
	TP_printk("irq=%u", __entry->irq)
);

/* A page fault that reached the host past the walker, and why (lg.h). */
TRACE_EVENT(lguest_fastpath_fallback,
	TP_PROTO(unsigned int reason, unsigned int cr2),
	TP_ARGS(reason, cr2),
	TP_STRUCT__entry(
		__field(unsigned int, reason)
		__field(unsigned int, cr2)
	),
	TP_fast_assign(
		__entry->reason = reason;
		__entry->cr2 = cr2;
	),
	TP_printk("reason=%u cr2=%#x", __entry->reason, __entry->cr2)
);

/* Work the Switcher did alone, fired at the exit that reported it. */
DECLARE_EVENT_CLASS(lguest_switcher_work,
	TP_PROTO(unsigned int trap),
	TP_ARGS(trap),
	TP_STRUCT__entry(
		__field(unsigned int, trap)
	),
	TP_fast_assign(
		__entry->trap = trap;
	),
	TP_printk("reported at exit trap=%u", __entry->trap)
);

/* A page fault the walker delivered to the guest itself. */
DEFINE_EVENT(lguest_switcher_work, lguest_fastpath_reflect,
	TP_PROTO(unsigned int trap),
	TP_ARGS(trap)
);

/* A shadow entry the exitless Switcher filled. */
DEFINE_EVENT(lguest_switcher_work, lguest_exitless_fill,
	TP_PROTO(unsigned int trap),
	TP_ARGS(trap)
);

/* An LHCALL_SET_PTE the exitless Switcher answered. */
DEFINE_EVENT(lguest_switcher_work, lguest_exitless_set_pte,
	TP_PROTO(unsigned int trap),
	TP_ARGS(trap)
);

/*
 * An NMI hit the Switcher at this offset into its text, and the host ran
 * its NMI handler after the trip.
 */
TRACE_EVENT(lguest_switcher_nmi,
	TP_PROTO(unsigned int offset),
	TP_ARGS(offset),
	TP_STRUCT__entry(
		__field(unsigned int, offset)
	),
	TP_fast_assign(
		__entry->offset = offset;
	),
	TP_printk("offset=%#x", __entry->offset)
);

#endif /* _LG_TRACE_H */

/* An out-of-tree module's header is found beside it (Kbuild adds -I). */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE lg_trace
#include <trace/define_trace.h>
