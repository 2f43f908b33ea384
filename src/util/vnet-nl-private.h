/* vnet-nl-private.h: what the files of src/util/vnet-nl*.c share and
 * nobody else sees. vnet-nl.c owns the handle; vnet-nl-link.c creates
 * links, and keeps its per-template name hints in the handle, under its
 * lock, so concurrent creations from one handle never hand out a name
 * twice. */
#pragma once

#include <glib.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>

#include "util/vnet-inet.h"
#include "util/vnet-mac.h"
#include "util/vnet-enum.h"

/* The template counter never goes past this many candidates. */
#define NAME_CANDIDATES_MAX 100000

struct VnetNl {
    struct nl_sock *sk;
    GMutex lock;
    guint64 n_requests;
    char *last_error_message;
    /* template ("vnmvtap%d") -> next candidate to try, so a long run does
     * not re-probe every name it already holds */
    GHashTable *name_hints;
};

int vnet_nl_rtnl_set_mac(struct rtnl_link *link, const VnetMac *mac);
void vnet_nl_rtnl_set_up(struct rtnl_link *link, VnetTristate up);
/* In vnet-nl-addr.c. */
struct nl_addr *vnet_nl_inet_to_nl(const VnetInetAddr *addr, guint prefix);
