/* network_obj.c: what makes the shared object core hold networks. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/network_obj.h"
#include "util/vnet-i18n.h"

static const char *
def_name(gconstpointer def)
{
    return ((const VnetNetworkDef *)def)->name;
}

static const VnetUuid *
def_uuid(gconstpointer def)
{
    return &((const VnetNetworkDef *)def)->uuid;
}

const VnetVirtObjClass vnet_network_obj_class = {
    .noun = N_("network"),
    .exists_code = VNET_ERROR_NETWORK_EXISTS,
    .def_name = def_name,
    .def_uuid = def_uuid,
    .def_free = (GDestroyNotify)vnet_network_def_free,
};
