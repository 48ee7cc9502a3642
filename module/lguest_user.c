// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/lguest: how the launcher drives a guest.
 *
 * Open it, LGUEST_IOC_INIT with the guest's memory and entry point, then
 * LGUEST_IOC_RUN in a loop.  RUN returns only when the launcher must act:
 * console output, a notification, the guest's shutdown, or its death.  A
 * guest that misbehaves is killed with a reason the launcher prints; the
 * host carries on.  Closing the file destroys the guest.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/nospec.h>
#include <linux/module.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/fpu/api.h>
#include "lg.h"

static struct dentry *lguest_debugfs;
static atomic64_t next_guest_id;

void kill_guest(struct lguest *lg, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (lg->dead)
		return;
	va_start(ap, fmt);
	len = vscnprintf(lg->exit->data, LGUEST_DATA_MAX, fmt, ap);
	va_end(ap);
	lg->exit->reason = LGUEST_EXIT_KILLED;
	lg->exit->status = 0;
	lg->exit->len = len;
	lg->dead = true;
	pr_info("lguest: guest %llu killed: %s\n", lg->id, lg->exit->data);
}

void guest_exit(struct lguest *lg, u32 reason, u32 status,
		const void *data, u32 len)
{
	if (lg->dead)
		return;
	lg->exit->reason = reason;
	lg->exit->status = status;
	lg->exit->len = len;
	if (data && data != lg->exit->data)
		memcpy(lg->exit->data, data, len);
	if (reason == LGUEST_EXIT_SHUTDOWN)
		lg->dead = true;
}

static int counters_show(struct seq_file *m, void *unused)
{
	struct lguest *lg = m->private;
	const struct lguest_counters *c = &lg->counters;
	unsigned int i;

	seq_printf(m, "world_switches %llu\nexits_irq %llu\nexits_other %llu\n"
		   "async_hcalls %llu\nfaults_fixed %llu\nfaults_reflected %llu\n"
		   "traps_delivered %llu\nirqs_delivered %llu\n"
		   "fastpath_reflected %llu\n",
		   c->world_switches, c->exits_irq, c->exits_other,
		   c->async_hcalls, c->faults_fixed, c->faults_reflected,
		   c->traps_delivered, c->irqs_delivered, c->fastpath_reflected);
	for (i = 0; i < ARRAY_SIZE(c->exits_trap); i++)
		if (c->exits_trap[i])
			seq_printf(m, "exits_trap%u %llu\n", i, c->exits_trap[i]);
	for (i = 0; i < ARRAY_SIZE(c->exits_hcall); i++)
		if (c->exits_hcall[i])
			seq_printf(m, "exits_hcall%u %llu\n", i, c->exits_hcall[i]);
	for (i = 0; i < ARRAY_SIZE(c->fastpath_fallback); i++)
		if (c->fastpath_fallback[i])
			seq_printf(m, "fastpath_fallback%u %llu\n", i,
				   c->fastpath_fallback[i]);
	seq_printf(m, "exitless_fills %llu\nexitless_set_ptes %llu\n",
		   c->exitless_fills, c->exitless_set_ptes);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(counters);

/* Frees what lg_init() set up, all of it or the part it got to. */
static void free_guest(struct lguest *lg)
{
	free_shadow_pages(lg);
	if (lg->shadow_pages)
		pr_err("lguest: guest %llu leaked %d shadow pages\n",
		       lg->id, lg->shadow_pages);
	free_page(lg->regs_page);
	lg->regs_page = 0;
	unpin_guest_memory(lg);
}

/*
 * A failed LGUEST_IOC_INIT leaves the file as lg_open() did, so that the
 * launcher may try again (say, with a higher RLIMIT_MEMLOCK).  Besides what
 * free_guest() undoes, a shadow page the host could not allocate killed the
 * guest on the way (kill_guest()): a retry must not start out dead.
 */
static int init_failed(struct lguest *lg, int err)
{
	free_guest(lg);
	lg->mem_base = 0;
	lg->mem_size = 0;
	lg->npages = 0;
	lg->cur_pgdir = 0;
	lg->next_evict = 0;
	lg->dead = false;
	memset(lg->exit, 0, offsetof(struct lguest_exit, data));
	return err;
}

static int lg_init(struct lguest *lg, const struct lguest_init __user *uarg)
{
	struct lguest_init in;
	struct lguest_regs *r;
	char name[32];
	int err;

	if (copy_from_user(&in, uarg, sizeof(in)))
		return -EFAULT;
	if (lg->initialized)
		return -EBUSY;
	if (in.flags || in.mem_base & ~PAGE_MASK || !in.mem_size ||
	    in.mem_size % SWITCHER_SLOT_SIZE || in.mem_size > LGUEST_MEM_MAX ||
	    in.mem_base + in.mem_size < in.mem_base ||
	    in.mem_base + in.mem_size > TASK_SIZE)
		return -EINVAL;
	lg->mem_base = in.mem_base;
	lg->mem_size = in.mem_size;
	lg->npages = in.mem_size >> PAGE_SHIFT;
	err = pin_guest_memory(lg);
	if (err)
		return init_failed(lg, err);
	lg->regs_page = get_zeroed_page(GFP_KERNEL);
	if (!lg->regs_page)
		return init_failed(lg, -ENOMEM);
	err = init_shadow_pages(lg, in.pgdir);
	if (err)
		return init_failed(lg, err);

	lg->regs = (void *)lg->regs_page + PAGE_SIZE - sizeof(*lg->regs);
	r = lg->regs;
	r->eax = LGUEST_BOOT_MAGIC;
	r->esi = in.boot_info;
	r->eip = in.entry;
	r->cs = LGUEST_KERNEL_CS;
	r->ds = r->es = r->ss = LGUEST_KERNEL_DS;
	r->eflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	setup_guest_gdt(lg);
	init_guest_timer(lg);
	lg->changed = true;
	lg->id = atomic64_inc_return(&next_guest_id);
	snprintf(name, sizeof(name), "%d-%llu", task_pid_nr(current), lg->id);
	lg->debugfs = debugfs_create_dir(name, lguest_debugfs);
	debugfs_create_file("counters", 0444, lg->debugfs, lg, &counters_fops);
	WRITE_ONCE(lg->initialized, true);
	return 0;
}

/*
 * The run loop: hypercalls, interrupts and halts are dealt with here; the
 * launcher hears only of what it must act on.
 */
static long lg_run(struct lguest *lg, struct lguest_exit __user *uexit)
{
	struct lguest_exit *e = lg->exit;
	bool ran;

	while (!e->reason) {
		do_hypercall(lg);
		if (e->reason)
			break;
		if (signal_pending(current))
			return -EINTR;
		maybe_deliver_interrupt(lg);
		if (e->reason)
			break;
		if (lg->halted) {
			/* A signal interrupts the sleep; the check above ends RUN. */
			if (!wait_event_interruptible(lg->irq_wait,
						      guest_irq_pending(lg)))
				lg->halted = false;
			continue;
		}
		update_syscall_gate(lg);
		if (e->reason)
			break;
		if (!valid_guest_regs(lg)) {
			kill_guest(lg, "guest segment registers are invalid");
			break;
		}
		/*
		 * The guest's FPU state is this task's: make sure it is in the
		 * registers, and keep it there until we are back.
		 */
		fpregs_lock();
		if (test_thread_flag(TIF_NEED_FPU_LOAD))
			switch_fpu_return();
		local_irq_disable();
		ran = lguest_run_once(lg);
		local_irq_enable();
		fpregs_unlock();
		if (!ran) {
			/* An interrupt came as we set out: deliver it first. */
			cond_resched();
			continue;
		}
		/*
		 * What the guest queued came before this exit: run it first,
		 * unless the trip itself killed the guest (a Switcher fault).
		 */
		if (lg->dead)
			break;
		if (lg->lguest_data)
			run_async_hcalls(lg);
		if (!lg->dead)
			lguest_handle_exit(lg);
		cond_resched();
	}
	if (copy_to_user(uexit, e, offsetof(struct lguest_exit, data) + e->len))
		return -EFAULT;
	/* Console output and notifications are once; death is for ever. */
	if (!lg->dead)
		e->reason = 0;
	return 0;
}

static long lg_set_regs(struct lguest *lg, const struct lguest_regs __user *u)
{
	struct lguest_regs old = *lg->regs;

	if (copy_from_user(lg->regs, u, sizeof(*lg->regs)))
		return -EFAULT;
	/* The Switcher will iret with these: they must be safe to. */
	lg->regs->eflags = (lg->regs->eflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_VM |
			    X86_EFLAGS_NT)) | X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	if (!valid_guest_regs(lg)) {
		*lg->regs = old;
		return -EINVAL;
	}
	return 0;
}

/*
 * Without the lock: a RUN sleeping in a halt holds it, and this is what
 * must wake that RUN (from a launcher's I/O thread, say).  It touches only
 * what lg_open() set up, so "initialized" is no more than the ABI's rule
 * that there is no interrupt before INIT.
 */
static long lg_irq(struct lguest *lg, const u32 __user *uarg)
{
	u32 irq;

	if (!READ_ONCE(lg->initialized))
		return -EINVAL;
	if (get_user(irq, uarg))
		return -EFAULT;
	if (irq >= LGUEST_IRQS)
		return -EINVAL;
	raise_guest_irq(lg, array_index_nospec(irq, LGUEST_IRQS));
	return 0;
}

static long lg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct lguest *lg = file->private_data;
	void __user *uarg = (void __user *)arg;
	long ret = -EINVAL;

	if (cmd == LGUEST_IOC_IRQ)
		return lg_irq(lg, uarg);
	mutex_lock(&lg->lock);
	if (cmd == LGUEST_IOC_INIT) {
		ret = lg_init(lg, uarg);
		goto out;
	}
	if (!lg->initialized)
		goto out;
	switch (cmd) {
	case LGUEST_IOC_RUN:
		ret = lg_run(lg, uarg);
		break;
	case LGUEST_IOC_GET_REGS:
		ret = copy_to_user(uarg, lg->regs, sizeof(*lg->regs)) ? -EFAULT : 0;
		break;
	case LGUEST_IOC_SET_REGS:
		ret = lg_set_regs(lg, uarg);
		break;
	case LGUEST_IOC_COUNTERS:
		ret = copy_to_user(uarg, &lg->counters, sizeof(lg->counters)) ?
		      -EFAULT : 0;
		break;
	default:
		ret = -ENOTTY;
	}
out:
	mutex_unlock(&lg->lock);
	return ret;
}

static int lg_open(struct inode *inode, struct file *file)
{
	struct lguest *lg = kzalloc(sizeof(*lg), GFP_KERNEL);

	if (!lg)
		return -ENOMEM;
	lg->exit = kzalloc(sizeof(*lg->exit), GFP_KERNEL);
	if (!lg->exit) {
		kfree(lg);
		return -ENOMEM;
	}
	mutex_init(&lg->lock);
	init_waitqueue_head(&lg->irq_wait);
	lg->running_cpu = -1;
	file->private_data = lg;
	return 0;
}

static int lg_release(struct inode *inode, struct file *file)
{
	struct lguest *lg = file->private_data;

	if (lg->initialized) {
		/* Nothing wakes the guest after this: lg may go. */
		hrtimer_cancel(&lg->timer);
		debugfs_remove_recursive(lg->debugfs);
		/* Its shadow as it was left, before we free it (debug only). */
		audit_shadow_pages(lg);
		free_guest(lg);
	}
	kfree(lg->exit);
	kfree(lg);
	return 0;
}

static const struct file_operations lguest_fops = {
	.owner = THIS_MODULE,
	.open = lg_open,
	.release = lg_release,
	.unlocked_ioctl = lg_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice lguest_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lguest",
	.fops = &lguest_fops,
};

int lguest_device_init(void)
{
	int err = misc_register(&lguest_dev);

	if (!err)
		lguest_debugfs = debugfs_create_dir("lguest", NULL);
	return err;
}

void lguest_device_exit(void)
{
	debugfs_remove_recursive(lguest_debugfs);
	misc_deregister(&lguest_dev);
}
