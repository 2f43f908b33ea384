/* nftables.h: the firewall of a network, one nftables table per family
 * ("table ip vnet-NAME", "table ip6 vnet-NAME"), replaced atomically.
 *
 * Every change is one `nft -f -` transaction that first makes sure the
 * tables exist (an empty "table" statement is a no-op on an existing table)
 * and deletes them, then adds them again with all their rules: the kernel
 * applies the whole file or nothing, so packets never see a half-built
 * table, and removing the network (or a crashed process's leftovers) is the
 * same file without the second part.
 *
 * What the tables do, by kind (BR is the network's bridge, SUBNET each of
 * its <ip> subnets in the table's family):
 *   nat       postrouting: masquerade SUBNET to anything outside SUBNET
 *             (IPv6 only with <nat ipv6='yes'>; <nat><address>/<port>
 *             ranges become snat/masquerade ranges); prerouting and output:
 *             DNAT of each port forward (daddr the rule's hostAddress, or
 *             any local address of the host), so a forward is reachable from
 *             the outside and from the host itself; hairpin and loopback
 *             sources of forwarded connections are masqueraded; forward:
 *             replies and forwarded connections into SUBNET, anything from
 *             SUBNET out, guest to guest; everything else to or from BR is
 *             rejected, so the outside opens connections to guests only
 *             through forwards
 *   route     forward: SUBNET in and out, no NAT
 *   hostonly  forward: guest to guest only; nothing from BR goes beyond it
 *   internal  forward: guest to guest only; input: everything arriving on
 *             BR is dropped, so the host's stack never sees the guests
 *   open      no table (libvirt: vnet adds no rules)
 */
#pragma once

#include <glib.h>

#include "conf/network_conf.h"

/* "vnet-NAME" when NAME is a valid nft identifier, else "vnet-UUIDHEX". */
char *vnet_nft_table_name(const VnetNetworkDef *def);

/* Pure: the nft script that replaces the tables of @live with its rules
 * (@with_rules FALSE: only removes them). */
char *vnet_nft_network_script(const VnetNetworkDef *live, gboolean with_rules);

/* Applies the rules of @live (creating or atomically replacing its tables). */
gboolean vnet_nft_network_apply(const VnetNetworkDef *live, GError **error);
/* Removes the tables of @live; succeeds when they do not exist. */
gboolean vnet_nft_network_remove(const VnetNetworkDef *live, GError **error);
