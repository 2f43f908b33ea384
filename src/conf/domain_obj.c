/* domain_obj.c: what makes the shared object core hold domains. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/domain_obj.h"
#include "util/vnet-i18n.h"

static const char *
def_name(gconstpointer def)
{
    return ((const VnetDomainDef *)def)->name;
}

static const VnetUuid *
def_uuid(gconstpointer def)
{
    return &((const VnetDomainDef *)def)->uuid;
}

const VnetVirtObjClass vnet_domain_obj_class = {
    .noun = N_("domain"),
    .exists_code = VNET_ERROR_DOMAIN_EXISTS,
    .def_name = def_name,
    .def_uuid = def_uuid,
    .def_free = (GDestroyNotify)vnet_domain_def_free,
};
