// SPDX-License-Identifier: GPL-2.0
/* Must be killed: a hypercall number the host does not know. */
#include "hcall.h"
#include "report.h"

#define BOGUS	9999

int main(void)
{
	long ret;

	report_info("hypercall %u: the host must kill us", BOGUS);
	ret = hcall0(BOGUS);
	report(false, "killed", "survived: hypercall %u returned %d", BOGUS,
	       (int)ret);
	return report_summary();
}
