// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test for launcher/file.c: mapping a guest or initrd file, and the
 * messages for files that cannot be one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "errmsg.h"
#include "file.h"
#include "check.h"

static void reject(const char *path, const char *needle, const char *what)
{
	struct mapped_file f;
	char err[ERR_MAX] = "";
	int ret = map_file(path, "guest", &f, err);

	check(ret == -1, "%s: rejected (ret %d)", what, ret);
	check(f.data == NULL && f.size == 0, "%s: nothing mapped", what);
	check_contains(err, needle, what);
	check_contains(err, path, what);
}

int main(void)
{
	char dir[] = "/tmp/test_launcher_file.XXXXXX";
	char path[sizeof(dir) + 16];
	struct mapped_file f;
	char err[ERR_MAX] = "";
	FILE *fp;
	int ret;

	if (!mkdtemp(dir)) {
		printf("FAIL: cannot make a temporary directory\n");
		return 1;
	}

	snprintf(path, sizeof(path), "%s/data", dir);
	fp = fopen(path, "w");
	check(fp != NULL, "create %s", path);
	if (fp) {
		fputs("hello, guest", fp);
		fclose(fp);
	}
	ret = map_file(path, "guest", &f, err);
	check(ret == 0, "regular file: mapped (ret %d, '%s')", ret, err);
	check(f.size == 12, "regular file: size %zu", f.size);
	check(f.data && !memcmp(f.data, "hello, guest", 12),
	      "regular file: contents");
	unmap_file(&f);
	check(f.data == NULL && f.size == 0, "unmap_file clears");
	unmap_file(&f);
	unlink(path);

	reject(path, "No such file", "missing file");
	reject(dir, "not a regular file", "directory");

	snprintf(path, sizeof(path), "%s/empty", dir);
	fp = fopen(path, "w");
	if (fp)
		fclose(fp);
	reject(path, "empty file", "empty file");
	unlink(path);

	rmdir(dir);
	return check_summary("launcher_file");
}
