/* vnet-nl-lookup.h: asking the kernel which link it would route an
 * address out of (what `ip route get ADDR` prints as "dev"). Kept apart
 * from vnet-nl.c: one libnl call (rtnl_route_lookup) on a socket of its
 * own in the calling thread's namespace. Returns 0 or -errno. */
#pragma once

#include <glib.h>

#include "util/vnet-inet.h"

/* The ifindex of the link the kernel would send a packet for @dst out of;
 * -ENETUNREACH when no route covers it. */
int vnet_nl_route_lookup_oif(const VnetInetAddr *dst, int *ret_ifindex);
