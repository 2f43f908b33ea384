/* network_conf_priv.h: what the network_*.c files share among themselves:
 * one parse/format/copy/free set per subtree, and the strictness helpers
 * that refuse unknown attributes and elements with a "did you mean". */
#pragma once

#include "conf/network_conf.h"
#include "util/vnet-xml.h"

/* Fails naming the first attribute of @node not in NULL-terminated
 * @allowed, with a suggestion for a near miss. */
gboolean vnet_network_xml_check_attrs(const xmlNode *node, const char *const *allowed,
                                      GError **error);
/* "FILE:LINE: element <PARENT>: unknown element <CHILD>; expected one of: ..." */
void vnet_network_xml_error_unknown_child(GError **error, const xmlNode *parent,
                                          const xmlNode *child, const char *const *allowed);
/* Fails when @parent has a second <NAME> child (@child). */
gboolean vnet_network_xml_check_once(const xmlNode *child, gboolean seen, GError **error);
/* An element that must have no children (text or elements). */
gboolean vnet_network_xml_check_empty(const xmlNode *node, GError **error);

/* <ip> (network_ip_conf.c) */
VnetNetworkIpDef *vnet_network_ip_def_parse(const xmlNode *node, GError **error);
void vnet_network_ip_def_format(VnetXmlWriter *writer, const VnetNetworkIpDef *ip);
VnetNetworkIpDef *vnet_network_ip_def_copy(const VnetNetworkIpDef *ip);
void vnet_network_ip_def_free(VnetNetworkIpDef *ip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkIpDef, vnet_network_ip_def_free)
gboolean vnet_network_ip_def_post_parse(VnetNetworkIpDef *ip, GError **error);
VnetNetworkDhcp *vnet_network_dhcp_new(void);

/* <route> (network_ip_conf.c) */
VnetNetworkRouteDef *vnet_network_route_def_parse(const xmlNode *node, GError **error);
void vnet_network_route_def_format(VnetXmlWriter *writer, const VnetNetworkRouteDef *route);
VnetNetworkRouteDef *vnet_network_route_def_copy(const VnetNetworkRouteDef *route);
guint vnet_network_route_def_prefix(const VnetNetworkRouteDef *route);

/* <dns> (network_dns_conf.c) */
VnetNetworkDnsDef *vnet_network_dns_def_parse(const xmlNode *node, GError **error);
void vnet_network_dns_def_format(VnetXmlWriter *writer, const VnetNetworkDnsDef *dns);
VnetNetworkDnsDef *vnet_network_dns_def_copy(const VnetNetworkDnsDef *dns);
void vnet_network_dns_def_free(VnetNetworkDnsDef *dns);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkDnsDef, vnet_network_dns_def_free)
/* TRUE when the <dns> element says more than enable='yes'/nothing. */
gboolean vnet_network_dns_def_has_content(const VnetNetworkDnsDef *dns);

/* <forward> (network_forward_conf.c); the struct is embedded in the def. */
gboolean vnet_network_forward_def_parse(const xmlNode *node, VnetNetworkForwardDef *fwd,
                                        GError **error);
void vnet_network_forward_def_format(VnetXmlWriter *writer, const VnetNetworkForwardDef *fwd);
void vnet_network_forward_def_init(VnetNetworkForwardDef *fwd);
void vnet_network_forward_def_copy_into(VnetNetworkForwardDef *dst,
                                        const VnetNetworkForwardDef *src);
void vnet_network_forward_def_clear(VnetNetworkForwardDef *fwd);

/* Validation of the port-forward rules of a NAT network (network_validate.c),
 * shared by validation and vnet_network_def_add_port_forward(). */
gboolean vnet_network_def_check_port_forwards(const VnetNetworkDef *def, const GPtrArray *rules,
                                              GError **error);
