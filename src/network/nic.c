/* nic.c: the table of NIC kinds and their realization ops. */
#include <config.h>

#include "network/link-direct-nic.h"
#include "network/nic.h"

/* Kinds whose realization comes with later issues have no ops yet. */
static const VnetNicOps no_ops[VNET_DOMAIN_INTERFACE_TYPE_LAST] = {
    [VNET_DOMAIN_INTERFACE_TYPE_USER] = {VNET_DOMAIN_INTERFACE_TYPE_USER, NULL},
    [VNET_DOMAIN_INTERFACE_TYPE_UDP] = {VNET_DOMAIN_INTERFACE_TYPE_UDP, NULL},
    [VNET_DOMAIN_INTERFACE_TYPE_MCAST] = {VNET_DOMAIN_INTERFACE_TYPE_MCAST, NULL},
    [VNET_DOMAIN_INTERFACE_TYPE_SERVER] = {VNET_DOMAIN_INTERFACE_TYPE_SERVER, NULL},
    [VNET_DOMAIN_INTERFACE_TYPE_CLIENT] = {VNET_DOMAIN_INTERFACE_TYPE_CLIENT, NULL},
    [VNET_DOMAIN_INTERFACE_TYPE_VDE] = {VNET_DOMAIN_INTERFACE_TYPE_VDE, NULL},
};

static const VnetNicOps *const ops_table[VNET_DOMAIN_INTERFACE_TYPE_LAST] = {
    [VNET_DOMAIN_INTERFACE_TYPE_ETHERNET] = &vnet_nic_ethernet_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_NULL] = &vnet_nic_null_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_NETWORK] = &vnet_nic_network_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK] = &vnet_nic_natnetwork_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY] = &vnet_nic_hostonly_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_INTERNAL] = &vnet_nic_internal_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_BRIDGE] = &vnet_nic_bridge_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_ROUTED] = &vnet_nic_routed_ops,
    [VNET_DOMAIN_INTERFACE_TYPE_DIRECT] = &vnet_nic_direct_ops,
};

/**
 * vnet_nic_ops_get:
 * @type: an interface type
 *
 * Returns: (transfer none): the ops of @type; kinds not realized yet get
 *   an entry whose functions are %NULL.
 */
const VnetNicOps *
vnet_nic_ops_get(VnetDomainInterfaceType type)
{
    g_return_val_if_fail(type > VNET_DOMAIN_INTERFACE_TYPE_NONE &&
                             type < VNET_DOMAIN_INTERFACE_TYPE_LAST,
                         &no_ops[VNET_DOMAIN_INTERFACE_TYPE_USER]);
    if (ops_table[type])
        return ops_table[type];
    return &no_ops[type];
}

/**
 * vnet_nic_describe:
 * @def: a domain
 * @nic: one of its NICs
 *
 * Returns: (transfer full): "interface N (type 'T') of domain 'NAME'", N
 *   counting from 1 as the conf layer's messages do (its guest name is
 *   eth(N-1)).
 */
char *
vnet_nic_describe(const VnetDomainDef *def, const VnetDomainInterfaceDef *nic)
{
    guint index = nic->index;

    for (guint i = 0; i < def->interfaces->len; i++) {
        if (g_ptr_array_index(def->interfaces, i) == nic)
            index = i;
    }
    return g_strdup_printf("interface %u (type '%s') of domain '%s'", index + 1,
                           vnet_domain_interface_type_to_string(nic->type), def->name);
}

/**
 * vnet_nic_network_name:
 * @nic: a NIC
 *
 * Returns: (transfer none) (nullable): the network it joins.
 */
const char *
vnet_nic_network_name(const VnetDomainInterfaceDef *nic)
{
    switch (nic->type) {
    case VNET_DOMAIN_INTERFACE_TYPE_NETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY:
        return nic->source_network;
    case VNET_DOMAIN_INTERFACE_TYPE_INTERNAL:
        return vnet_domain_interface_def_internal_name(nic);
    default:
        return NULL;
    }
}
