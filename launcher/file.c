// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errmsg.h"
#include "file.h"

int map_file(const char *path, const char *what, struct mapped_file *f,
	     char *err)
{
	struct stat st;
	void *p;
	int fd;

	f->data = NULL;
	f->size = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return seterr(err, "%s %s: %s", what, path, strerror(errno));
	if (fstat(fd, &st)) {
		seterr(err, "%s %s: %s", what, path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		seterr(err, "%s %s: not a regular file", what, path);
		goto fail;
	}
	if (st.st_size == 0) {
		seterr(err, "%s %s: empty file", what, path);
		goto fail;
	}
	/* A 32-bit launcher cannot map more; no guest needs that much. */
	if ((uint64_t)st.st_size > (uint64_t)SIZE_MAX / 2) {
		seterr(err, "%s %s: too large (%llu bytes)", what, path,
		       (unsigned long long)st.st_size);
		goto fail;
	}
	p = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		seterr(err, "%s %s: cannot map: %s", what, path,
		       strerror(errno));
		goto fail;
	}
	close(fd);
	f->data = p;
	f->size = st.st_size;
	return 0;
fail:
	close(fd);
	return -1;
}

void unmap_file(struct mapped_file *f)
{
	if (f->data)
		munmap((void *)f->data, f->size);
	f->data = NULL;
	f->size = 0;
}
