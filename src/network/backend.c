/* backend.c: choosing a guest backend, and the test backend. */
#include <config.h>

#include <vnet/vnet.h>

#include "network/backend.h"
#include "util/vnet-i18n.h"

/**
 * vnet_guest_backend_find:
 * @def: a domain
 * @error: return location for a #GError
 *
 * Returns: (transfer none): the backend for the domain's type, or %NULL with
 *   %VNET_ERROR_BACKEND_UNAVAILABLE.
 */
const VnetGuestBackend *
vnet_guest_backend_find(const VnetDomainDef *def, GError **error)
{
    switch (def->type) {
    case VNET_DOMAIN_TYPE_NETNS:
        return &vnet_guest_backend_netns;
    case VNET_DOMAIN_TYPE_TEST:
        return &vnet_guest_backend_test;
    case VNET_DOMAIN_TYPE_KVM:
    case VNET_DOMAIN_TYPE_QEMU:
        g_set_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE,
                    _("cannot start domain '%s': the '%s' guest backend is not available in "
                      "this build (use type 'netns' or 'test')"),
                    def->name, vnet_domain_type_to_string(def->type));
        return NULL;
    case VNET_DOMAIN_TYPE_NONE:
    case VNET_DOMAIN_TYPE_LAST:
        break;
    }
    g_set_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE,
                _("cannot start domain '%s': it has no guest type"), def->name);
    return NULL;
}

/**
 * vnet_guest_backend_by_name:
 * @name: a backend name from a status file
 *
 * Returns: (transfer none) (nullable): the backend.
 */
const VnetGuestBackend *
vnet_guest_backend_by_name(const char *name)
{
    if (g_strcmp0(name, vnet_guest_backend_netns.name) == 0)
        return &vnet_guest_backend_netns;
    if (g_strcmp0(name, vnet_guest_backend_test.name) == 0)
        return &vnet_guest_backend_test;
    return NULL;
}

/* ---- test: nothing on the host ------------------------------------------- */

static void
fake_target(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic)
{
    if (nic->target_dev)
        return;
    nic->target_dev = g_strdup_printf("vnet%u", (*ctx->fake_dev_counter)++);
}

static gboolean
test_start(VnetGuestCtx *ctx, GError **error)
{
    for (guint i = 0; i < ctx->live->interfaces->len; i++)
        fake_target(ctx, g_ptr_array_index(ctx->live->interfaces, i));
    return TRUE;
}

static gboolean
test_stop(const VnetDomainDef *live, VnetDomainStatus *status, GError **error)
{
    return TRUE;
}

static gboolean
test_is_alive(const VnetDomainStatus *status)
{
    /* Nothing on the host can vanish: the status file is the guest. */
    return TRUE;
}

static gboolean
test_attach_nic(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, GError **error)
{
    fake_target(ctx, nic);
    return TRUE;
}

static gboolean
test_detach_nic(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, GError **error)
{
    return TRUE;
}

static gboolean
test_set_link_state(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, gboolean up,
                    GError **error)
{
    return TRUE;
}

const VnetGuestBackend vnet_guest_backend_test = {
    .name = "test",
    .start = test_start,
    .stop = test_stop,
    .is_alive = test_is_alive,
    .attach_nic = test_attach_nic,
    .detach_nic = test_detach_nic,
    .set_link_state = test_set_link_state,
};
