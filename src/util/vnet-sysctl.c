/* vnet-sysctl.c: kernel parameters through /proc/sys. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/vnet-log.h"
#include "util/vnet-nl.h"
#include "util/vnet-sysctl.h"

#define PROC_SYS "/proc/sys/"

static gboolean
path_is_valid(const char *path)
{
    g_auto(GStrv) parts = NULL;

    if (!path || !*path || path[0] == '/')
        return FALSE;
    parts = g_strsplit(path, "/", -1);
    for (guint i = 0; parts[i]; i++)
        if (!*parts[i] || g_str_equal(parts[i], ".") || g_str_equal(parts[i], ".."))
            return FALSE;
    return TRUE;
}

/**
 * vnet_sysctl_write:
 * @path: a parameter relative to /proc/sys ("net/ipv4/ip_forward")
 * @value: what to write
 *
 * Returns: 0 or -errno (-ENOENT: no such parameter).
 */
int
vnet_sysctl_write(const char *path, const char *value)
{
    g_autofree char *full = NULL;
    size_t len = strlen(value);
    ssize_t n;
    int fd;
    int r = 0;

    if (!path_is_valid(path))
        return -EINVAL;
    full = g_strconcat(PROC_SYS, path, NULL);
    fd = open(full, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return -errno;
    /* one write: the kernel parses a sysctl value per write() call */
    n = write(fd, value, len);
    if (n < 0)
        r = -errno;
    else if ((size_t)n != len)
        r = -EIO;
    close(fd);
    vnet_debug("sysctl", "%s = %s: %s", path, value, r < 0 ? g_strerror(-r) : "ok");
    return r;
}

/**
 * vnet_sysctl_read:
 * @path: a parameter relative to /proc/sys
 * @ret_value: (out): its value, without the trailing newline
 *
 * Returns: 0 or -errno.
 */
int
vnet_sysctl_read(const char *path, char **ret_value)
{
    g_autofree char *full = NULL;
    char buf[4096];
    ssize_t n;
    int fd;

    if (!path_is_valid(path))
        return -EINVAL;
    full = g_strconcat(PROC_SYS, path, NULL);
    fd = open(full, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return -errno;
    n = read(fd, buf, sizeof(buf) - 1);
    if (n < 0) {
        int r = -errno;

        close(fd);
        return r;
    }
    close(fd);
    buf[n] = '\0';
    g_strchomp(buf);
    *ret_value = g_strdup(buf);
    return 0;
}

static char *
iface_path(int family, const char *ifname, const char *key)
{
    const char *proto;

    if (family == AF_INET)
        proto = "ipv4";
    else if (family == AF_INET6)
        proto = "ipv6";
    else
        return NULL;
    if (!vnet_nl_ifname_is_valid(ifname))
        return NULL;
    if (!key || !*key || strchr(key, '/') || key[0] == '.')
        return NULL;
    return g_strdup_printf("net/%s/conf/%s/%s", proto, ifname, key);
}

/**
 * vnet_sysctl_iface_write:
 * @family: AF_INET or AF_INET6
 * @ifname: an interface name, "all" or "default"
 * @key: the parameter ("proxy_arp", "forwarding", "proxy_ndp"...)
 * @value: what to write
 *
 * Returns: 0, -EINVAL for a bad name, -ENOENT when there is no such
 * interface or parameter, or -errno.
 */
int
vnet_sysctl_iface_write(int family, const char *ifname, const char *key, const char *value)
{
    g_autofree char *path = iface_path(family, ifname, key);

    if (!path)
        return -EINVAL;
    return vnet_sysctl_write(path, value);
}

/**
 * vnet_sysctl_iface_read:
 * @family: AF_INET or AF_INET6
 * @ifname: an interface name, "all" or "default"
 * @key: the parameter
 * @ret_value: (out): its value
 *
 * Returns: 0 or -errno.
 */
int
vnet_sysctl_iface_read(int family, const char *ifname, const char *key, char **ret_value)
{
    g_autofree char *path = iface_path(family, ifname, key);

    if (!path)
        return -EINVAL;
    return vnet_sysctl_read(path, ret_value);
}
