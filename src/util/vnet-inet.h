/* vnet-inet.h: IPv4/IPv6 addresses, prefixes and subnets. */
#pragma once

#include <glib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define VNET_INET_STRLEN INET6_ADDRSTRLEN

typedef struct {
    int family; /* 0 (unset), AF_INET or AF_INET6 */
    union {
        struct in_addr v4;
        struct in6_addr v6;
        guint8 bytes[16];
    } u;
} VnetInetAddr;

/* Parses a dotted IPv4 or an IPv6 address. @family 0 accepts either.
 * Returns 0, -EINVAL (not an address) or -EAFNOSUPPORT (wrong family). */
int vnet_inet_parse(const char *str, int family, VnetInetAddr *ret);

void vnet_inet_format(const VnetInetAddr *addr, char buf[VNET_INET_STRLEN]);
char *vnet_inet_to_string(const VnetInetAddr *addr);

/* Bits in an address of @family: 32, 128, or 0 for an unknown family. */
guint vnet_inet_family_bits(int family);

/* Parses a prefix length for @family ("24"). Returns 0 or -EINVAL/-ERANGE. */
int vnet_inet_prefix_parse(const char *str, int family, guint *ret);

/* A netmask's prefix length; -EINVAL if the mask is not contiguous. */
int vnet_inet_netmask_to_prefix(const VnetInetAddr *mask);
int vnet_inet_prefix_to_netmask(int family, guint prefix, VnetInetAddr *ret);

/* "192.168.15.0/24": address and prefix. Returns 0 or -EINVAL/-ERANGE. */
int vnet_inet_cidr_parse(const char *str, int family, VnetInetAddr *ret_addr, guint *ret_prefix);

gboolean vnet_inet_is_set(const VnetInetAddr *addr);
gboolean vnet_inet_equal(const VnetInetAddr *a, const VnetInetAddr *b);
/* Numeric order; addresses of different families order by family. */
int vnet_inet_compare(const VnetInetAddr *a, const VnetInetAddr *b);

/* @addr with the host bits cleared (the network address). */
void vnet_inet_network(const VnetInetAddr *addr, guint prefix, VnetInetAddr *ret);
/* @addr with the host bits set (the IPv4 broadcast address). */
void vnet_inet_last(const VnetInetAddr *addr, guint prefix, VnetInetAddr *ret);
gboolean vnet_inet_in_subnet(const VnetInetAddr *addr, const VnetInetAddr *net, guint prefix);
gboolean vnet_inet_subnets_overlap(const VnetInetAddr *a, guint prefix_a, const VnetInetAddr *b,
                                   guint prefix_b);
/* @addr + @offset (may be negative). Returns 0 or -ERANGE on wrap-around. */
int vnet_inet_add(const VnetInetAddr *addr, gint64 offset, VnetInetAddr *ret);
/* Number of addresses from @start to @end inclusive, saturated at G_MAXUINT64;
 * 0 if @end < @start or families differ. */
guint64 vnet_inet_range_size(const VnetInetAddr *start, const VnetInetAddr *end);
