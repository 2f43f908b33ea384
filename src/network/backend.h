/* backend.h: guest backends — what a domain's start runs once the driver
 * has checked it, and what destroy and crash recovery undo.
 *
 *   test    nothing on the host (device names are made up so the live XML
 *           looks like a real one)
 *   netns   the guest is a named network namespace (the domain's name);
 *           each NIC is realized by its kind's ops (nic.h) as an interface
 *           ethN inside it
 *   kvm/qemu  later issue; vnet_guest_backend_find() reports them as not
 *           available
 *
 * A backend's start records every host object it creates in the
 * VnetDomainStatus (saved in the status file) and pushes an undo for it,
 * so a failure anywhere rolls back in reverse order and a new process can
 * tear down what an old one made.
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "conf/network_conf.h"
#include "network/status.h"
#include "network/undo.h"

typedef struct {
    /* The live definition being started: backends fill in realized names
     * (target_dev). */
    VnetDomainDef *live;
    VnetDomainStatus *status;
    VnetUndo *undo;
    /* test backend: counter for made-up device names, owned by the driver */
    guint *fake_dev_counter;
    /* The running network called @name (live definition, borrowed), or
     * NULL; the driver has made sure every network the NICs join runs. */
    const VnetNetworkDef *(*find_network)(gpointer data, const char *name);
    gpointer find_network_data;
} VnetGuestCtx;

typedef struct {
    const char *name;
    gboolean (*start)(VnetGuestCtx *ctx, GError **error);
    /* Removes everything in @status that still exists and is still ours;
     * succeeds when it is already gone. */
    gboolean (*stop)(const VnetDomainDef *live, VnetDomainStatus *status, GError **error);
    /* Whether the guest recorded in @status still runs. */
    gboolean (*is_alive)(const VnetDomainStatus *status);
    /* (optional) A new process found the guest still running: take back
     * what the process that started it held in memory (the domain's netdev
     * group, its device claims). */
    void (*adopt)(const VnetDomainDef *live, const VnetDomainStatus *status);
    /* Live NIC changes; @nic is already part of ctx->live (attach) or
     * about to leave it (detach). */
    gboolean (*attach_nic)(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, GError **error);
    gboolean (*detach_nic)(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, GError **error);
    gboolean (*set_link_state)(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, gboolean up,
                               GError **error);
} VnetGuestBackend;

extern const VnetGuestBackend vnet_guest_backend_test;
extern const VnetGuestBackend vnet_guest_backend_netns;

/* The backend for a domain type, or NULL with BACKEND_UNAVAILABLE naming
 * the domain and its type. */
const VnetGuestBackend *vnet_guest_backend_find(const VnetDomainDef *def, GError **error);
/* The backend by name (from a status file), or NULL. */
const VnetGuestBackend *vnet_guest_backend_by_name(const char *name);
