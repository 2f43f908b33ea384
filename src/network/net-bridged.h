/* net-bridged.h: the network kinds that run on a bridge vnet creates —
 * nat (VirtualBox's NAT network), route, open, hostonly and internal.
 *
 * Start, in order, each step undone on a later failure:
 *   1. refuse port forwards from host ports below 1024 unless the process
 *      may bind them (root or CAP_NET_BIND_SERVICE), before touching
 *      anything;
 *   2. the bridge, in VNET_NETWORK_NETDEV_GROUP, down, with the STP state
 *      and forward delay of <bridge stp delay> when set; IPv6 off on it when
 *      the network has no IPv6 <ip>; internal: ARP never answered
 *      (arp_ignore=8), so the host's stack never talks on it;
 *   3. the <ip> addresses (the gateway; a DHCP server address of its own
 *      too), then the bridge up;
 *   4. nat/route: net.ipv4.ip_forward (and IPv6 forwarding for IPv6
 *      subnets) on in the host namespace. They are left on at stop, as
 *      libvirt does: other networks and the host's own routing may rely on
 *      them, and vnet cannot know who else turned them on;
 *   5. the nftables tables (nftables.h);
 *   6. dnsmasq when DHCP or DNS is on (dnsmasq.h).
 * Stop (also for a crashed process's leftovers) works from the live
 * definition: dnsmasq by its pid file, the tables by name, the bridge by
 * name when it still carries vnet's network group.
 */
#pragma once

#include "network/network-realize.h"

extern const VnetNetworkOps vnet_network_bridged_ops;

/* Whether the process may forward from host ports below 1024 and no
 * IPv6 forward listens on ::1 (the kernel cannot forward it); otherwise
 * sets an error naming the first such rule of @def. */
gboolean vnet_network_check_forward_ports(const VnetNetworkDef *def, GError **error);
