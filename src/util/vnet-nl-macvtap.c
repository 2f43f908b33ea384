/* vnet-nl-macvtap.c: the macvtap character device, opened by the device
 * number sysfs gives (see vnet-nl.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "util/vnet-log.h"
#include "util/vnet-nl.h"

/* ---- macvtap character device --------------------------------------- */

static int
read_sysfs(const char *path, char **ret)
{
    g_autoptr(GError) error = NULL;
    char *contents = NULL;

    if (!g_file_get_contents(path, &contents, NULL, &error))
        return error->domain == G_FILE_ERROR && error->code == G_FILE_ERROR_NOENT ? -ENOENT
                                                                                    : -EIO;
    g_strchomp(contents);
    *ret = contents;
    return 0;
}

/**
 * vnet_nl_macvtap_get_devnum:
 * @name: a macvtap's name
 * @ifindex: its ifindex, or 0 to read it from sysfs
 * @ret: (out): the character device number
 *
 * Returns: 0, -ENODEV when no such macvtap is in sysfs, or -errno.
 */
int
vnet_nl_macvtap_get_devnum(const char *name, int ifindex, dev_t *ret)
{
    g_autofree char *text = NULL;
    g_autofree char *path = NULL;
    unsigned int major_nr;
    unsigned int minor_nr;
    char tail;
    int r;

    if (!vnet_nl_ifname_is_valid(name))
        return -EINVAL;
    if (ifindex <= 0) {
        g_autofree char *index_path = g_strdup_printf("/sys/class/net/%s/ifindex", name);

        if ((r = read_sysfs(index_path, &text)) < 0)
            return r == -ENOENT ? -ENODEV : r;
        ifindex = atoi(text);
        g_clear_pointer(&text, g_free);
        if (ifindex <= 0)
            return -EIO;
    }
    path = g_strdup_printf("/sys/class/net/%s/macvtap/tap%d/dev", name, ifindex);
    if ((r = read_sysfs(path, &text)) < 0)
        return r == -ENOENT ? -ENODEV : r;
    if (sscanf(text, "%u:%u%c", &major_nr, &minor_nr, &tail) != 2)
        return -EIO;
    *ret = makedev(major_nr, minor_nr);
    return 0;
}

static int
open_through_node(const char *parent, dev_t devnum, int *ret_fd)
{
    g_autofree char *dir = g_build_filename(parent, "vnet-tap-XXXXXX", NULL);
    g_autofree char *node = NULL;
    int fd;
    int r = 0;

    if (!g_mkdtemp_full(dir, 0700))
        return -errno;
    node = g_build_filename(dir, "tap", NULL);
    if (mknod(node, S_IFCHR | 0600, devnum) < 0) {
        r = -errno;
        rmdir(dir);
        return r;
    }
    fd = open(node, O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        r = -errno;
    unlink(node);
    rmdir(dir);
    if (r < 0)
        return r;
    *ret_fd = fd;
    return 0;
}

/**
 * vnet_nl_macvtap_open:
 * @name: a macvtap's name
 * @ifindex: its ifindex, or 0 to read it from sysfs
 * @ret_fd: (out): the tap character device, O_RDWR|O_CLOEXEC
 *
 * Opens the device by the number sysfs gives, never by /dev/tapN: /dev may
 * show another namespace's ifindexes and udev may not run. The node made for
 * the purpose is removed before returning; /tmp may be mounted nodev, so
 * /dev (devtmpfs) is the second choice.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_macvtap_open(const char *name, int ifindex, int *ret_fd)
{
    g_autofree char *char_path = NULL;
    const char *parents[] = {g_get_tmp_dir(), "/dev"};
    struct stat st;
    dev_t devnum;
    int r;

    if ((r = vnet_nl_macvtap_get_devnum(name, ifindex, &devnum)) < 0)
        return r;
    char_path = g_strdup_printf("/dev/char/%u:%u", major(devnum), minor(devnum));
    if (stat(char_path, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == devnum) {
        int fd = open(char_path, O_RDWR | O_CLOEXEC | O_NOCTTY);

        if (fd >= 0) {
            *ret_fd = fd;
            return 0;
        }
    }
    for (guint i = 0; i < G_N_ELEMENTS(parents); i++) {
        r = open_through_node(parents[i], devnum, ret_fd);
        if (r == 0)
            return 0;
        vnet_debug("netlink", "opening macvtap %s through a node in %s: %s", name, parents[i],
                   g_strerror(-r));
    }
    return r;
}
