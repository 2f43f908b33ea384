/* vnet-sysctl.h: kernel parameters through /proc/sys.
 *
 * Paths are relative to /proc/sys ("net/ipv4/ip_forward"). /proc/sys/net
 * shows the network namespace of the thread that opens the file, so inside
 * vnet_netns_run() these act on that namespace. Returns 0 or -errno.
 */
#pragma once

#include <glib.h>

int vnet_sysctl_write(const char *path, const char *value);
/* The value without its trailing newline. */
int vnet_sysctl_read(const char *path, char **ret_value);

/* net/ipv4/conf/IFNAME/KEY (AF_INET) or net/ipv6/conf/IFNAME/KEY (AF_INET6):
 * e.g. proxy_arp, forwarding, proxy_ndp. @ifname may be "all" or "default".
 * -EINVAL for a name that is not an interface name. */
int vnet_sysctl_iface_write(int family, const char *ifname, const char *key, const char *value);
int vnet_sysctl_iface_read(int family, const char *ifname, const char *key, char **ret_value);
