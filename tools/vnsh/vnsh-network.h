/* vnsh-network.h: what the virsh-style net-* commands share with VBoxManage's
 * natnetwork and hostonlyif verbs: subnets, and changing network XML (those
 * verbs build or change a document, then define it through the API; facts
 * for listings come from vnet_network_get_info()). */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "vnsh.h"

xmlDoc *vnsh_network_doc(VnetNetwork *network, VnetNetworkXmlFlags flags, GError **error);

/* The first IPv4 <ip> element (no family, or family='ipv4'), or NULL. */
xmlNode *vnsh_network_ipv4(xmlDoc *doc);
/* The first IPv6 <ip> element, or NULL. */
xmlNode *vnsh_network_ipv6(xmlDoc *doc);
/* The subnet of an <ip> element (address masked by prefix or netmask). */
GInetAddressMask *vnsh_network_ip_subnet(xmlNode *ip);
/* "192.168.15.0/24" -> the subnet (host bits cleared); IPv4 only, prefix
 * 1-30. NULL with a message naming the value. */
GInetAddressMask *vnsh_parse_cidr4(const char *text, GError **error);
/* The subnet of "192.168.15.1/24" (an address as #VnetNetworkInfo gives it),
 * either family; NULL when @cidr is NULL or malformed. */
GInetAddressMask *vnsh_cidr_subnet(const char *cidr);
/* "192.168.15.1/24" -> "192.168.15.1". */
char *vnsh_cidr_address(const char *cidr);
/* The IPv4 subnets of every <ip> of every network of @conn, read once. */
GPtrArray *vnsh_ipv4_subnets(VnetConnection *conn);
/* Whether @subnet overlaps one of @subnets. */
gboolean vnsh_subnet_overlaps(GPtrArray *subnets, GInetAddressMask *subnet);
/* Address number @host of @subnet (1: the first host address) as text. */
char *vnsh_subnet_host(GInetAddressMask *subnet, guint host);
/* Replaces (or adds) the <dhcp> of @ip: @on adds an empty one, which
 * vnet fills with the rest of the subnet; !@on removes it. */
void vnsh_network_set_dhcp(xmlNode *ip, gboolean on);
/* Defines @doc on @conn; prints the error. */
VnetNetwork *vnsh_network_define_doc(VnetConnection *conn, xmlDoc *doc);
/* The VBoxManage "remove" verbs: finds the network @name of @kind as
 * vnsh_lookup_network_kind() does, stops it when it is active and removes
 * its definition. Returns the removed network (for its name), or NULL
 * after printing the error. */
VnetNetwork *vnsh_network_remove(VnshCtl *ctl, const char *name, const char *kind);
/* Finds a network of @kind ("nat", "hostonly") by name; prints the error. */
VnetNetwork *vnsh_lookup_network_kind(VnshCtl *ctl, const char *name, const char *kind);
/* The first child element of @parent called @name, or NULL. */
xmlNode *vnsh_xml_child(xmlNode *parent, const char *name);
/* Removes every child element of @parent called @name. */
void vnsh_xml_remove_children(xmlNode *parent, const char *name);
