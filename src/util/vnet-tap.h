/* vnet-tap.h: tap devices made through the TUN/TAP driver's character
 * device /dev/net/tun, for the NICs of VM guests.
 *
 * A tap made here is not persistent: it exists while some fd on it is
 * open (ours, or the copy a hypervisor was given) and the kernel removes it
 * when the last one closes, so a crashed process leaves no tap behind.
 * Names: a fixed name, or a template with one "%d" ("vnet%d") from which
 * the kernel picks the lowest free name under its own lock, so concurrent
 * processes never race for one. An existing device is never attached to
 * (IFF_TUN_EXCL): a name that is taken gives -EBUSY.
 *
 * Like the rest of src/util: 0 or -errno, no logging above debug.
 */
#pragma once

#include <glib.h>

#include "util/vnet-nl.h"

typedef enum {
    /* IFF_VNET_HDR: every frame on the fd carries a virtio-net header in
     * front (what a virtio NIC's vhost/QEMU backend expects) */
    VNET_TAP_VNET_HDR = 1 << 0,
} VnetTapFlags;

/* Creates a tap (IFF_TAP|IFF_NO_PI|IFF_TUN_EXCL, plus VnetTapFlags) named
 * @name or after the template @name, in the calling thread's network
 * namespace. On success *@ret_fd is the open device (O_RDWR|O_CLOEXEC)
 * and @ret_name (VNET_IFNAMSIZ bytes, may be NULL) the name the kernel
 * gave it. -EBUSY: a device called @name exists; -EINVAL: bad name. */
int vnet_tap_create(const char *name, guint flags, char *ret_name, int *ret_fd);

/* The tap's name and IFF_* flags as the kernel reports them for @fd
 * (TUNGETIFF); either out-parameter may be NULL. */
int vnet_tap_get_info(int fd, char *ret_name, guint *ret_flags);
