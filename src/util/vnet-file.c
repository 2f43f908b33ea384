/* vnet-file.c: atomic and durable file updates. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/vnet-file.h"
#include "util/vnet-log.h"

/**
 * vnet_file_sync_dir:
 * @dir: a folder
 *
 * Flushes the folder's entries (creations, renames, removals) to disk.
 *
 * Returns: 0 or -errno.
 */
int
vnet_file_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int r = 0;

    if (fd < 0)
        return -errno;
    if (fsync(fd) < 0)
        r = -errno;
    close(fd);
    return r;
}

static int
write_all(int fd, const guint8 *data, gsize len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        data += n;
        len -= (gsize)n;
    }
    return 0;
}

/**
 * vnet_file_write_atomic:
 * @path: the file to replace or create
 * @data: the new content
 * @len: its length in bytes
 * @mode: permissions of the new file
 *
 * Replaces @path with @data so that readers (and a crash) see either the
 * old or the new content.
 *
 * Returns: 0 or -errno.
 */
int
vnet_file_write_atomic(const char *path, const void *data, gsize len, mode_t mode)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    int fd;
    int r;

    fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode);
    if (fd < 0)
        return -errno;
    r = write_all(fd, data, len);
    if (r == 0 && fchmod(fd, mode) < 0)
        r = -errno;
    if (r == 0 && fsync(fd) < 0)
        r = -errno;
    if (close(fd) < 0 && r == 0)
        r = -errno;
    if (r == 0 && rename(tmp, path) < 0)
        r = -errno;
    if (r < 0) {
        unlink(tmp);
        vnet_debug("file", "writing %s failed: %s", path, g_strerror(-r));
        return r;
    }
    return vnet_file_sync_dir(dir);
}

/**
 * vnet_file_remove_durable:
 * @path: the file to remove
 *
 * Returns: 0, or -errno (-ENOENT when @path did not exist).
 */
int
vnet_file_remove_durable(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);

    if (unlink(path) < 0)
        return -errno;
    return vnet_file_sync_dir(dir);
}
