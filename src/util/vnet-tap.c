/* vnet-tap.c: taps through /dev/net/tun; see vnet-tap.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_tun.h>

#include "util/vnet-log.h"
#include "util/vnet-tap.h"

#define TUN_DEVICE "/dev/net/tun"

G_STATIC_ASSERT(VNET_IFNAMSIZ == IFNAMSIZ);

/**
 * vnet_tap_create:
 * @name: the tap's name, or a template with one "%d"
 * @flags: #VnetTapFlags
 * @ret_name: (out) (optional): VNET_IFNAMSIZ bytes for the name it got
 * @ret_fd: (out): the open tap device
 *
 * The tap is created down, with a random MAC, and lives until the last fd
 * on it is closed.
 *
 * Returns: 0 or -errno (-EBUSY when @name names an existing device).
 */
int
vnet_tap_create(const char *name, guint flags, char *ret_name, int *ret_fd)
{
    struct ifreq ifr;
    int fd;

    g_return_val_if_fail(name && ret_fd, -EINVAL);
    if (!*name || strlen(name) >= IFNAMSIZ)
        return -EINVAL;

    fd = open(TUN_DEVICE, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    memset(&ifr, 0, sizeof(ifr));
    /* IFF_TUN_EXCL: without it TUNSETIFF on an existing tap attaches to
     * it, and we would be reading another guest's frames */
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_TUN_EXCL;
    if (flags & VNET_TAP_VNET_HDR)
        ifr.ifr_flags |= IFF_VNET_HDR;
    g_strlcpy(ifr.ifr_name, name, sizeof(ifr.ifr_name));
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        int r = -errno;

        close(fd);
        vnet_debug("tap", "TUNSETIFF %s: %s", name, g_strerror(-r));
        return r;
    }
    if (ret_name)
        g_strlcpy(ret_name, ifr.ifr_name, VNET_IFNAMSIZ);
    vnet_debug("tap", "created tap %s (fd %d)", ifr.ifr_name, fd);
    *ret_fd = fd;
    return 0;
}

/**
 * vnet_tap_get_info:
 * @fd: an fd from vnet_tap_create()
 * @ret_name: (out) (optional): VNET_IFNAMSIZ bytes for its name
 * @ret_flags: (out) (optional): its IFF_* flags (IFF_TAP, IFF_VNET_HDR...)
 *
 * Returns: 0 or -errno (-EBADFD when @fd is not attached to a tap).
 */
int
vnet_tap_get_info(int fd, char *ret_name, guint *ret_flags)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof(ifr));
    if (ioctl(fd, TUNGETIFF, &ifr) < 0)
        return -errno;
    if (ret_name)
        g_strlcpy(ret_name, ifr.ifr_name, VNET_IFNAMSIZ);
    if (ret_flags)
        *ret_flags = (guint)(unsigned short)ifr.ifr_flags;
    return 0;
}
