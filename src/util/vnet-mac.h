/* vnet-mac.h: Ethernet MAC addresses. */
#pragma once

#include <glib.h>

#define VNET_MAC_LEN 6
/* "52:54:00:12:34:56" plus the terminating NUL */
#define VNET_MAC_STRLEN 18

typedef struct {
    guint8 addr[VNET_MAC_LEN];
} VnetMac;

/* The prefix vnet (like QEMU and libvirt) uses for generated addresses. */
extern const guint8 vnet_mac_default_prefix[3];

/* Parses six groups of one or two hex digits separated by ':' (or all by
 * '-'), any case. Returns 0, or -EINVAL. */
int vnet_mac_parse(const char *str, VnetMac *ret);

/* Writes the lowercase colon form into @buf. */
void vnet_mac_format(const VnetMac *mac, char buf[VNET_MAC_STRLEN]);

gboolean vnet_mac_is_unicast(const VnetMac *mac);
gboolean vnet_mac_is_zero(const VnetMac *mac);
gboolean vnet_mac_equal(const VnetMac *a, const VnetMac *b);

/* A random address with @prefix (NULL: 52:54:00) and the low three bytes
 * random; always unicast when the prefix is. Returns 0 or -errno. */
int vnet_mac_generate(const guint8 *prefix, VnetMac *ret);
