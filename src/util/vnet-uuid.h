/* vnet-uuid.h: UUIDs as libvirt writes them. */
#pragma once

#include <glib.h>

#define VNET_UUID_LEN 16
/* "c7a5fdbd-edaf-9455-926a-d65c16db1809" plus the terminating NUL */
#define VNET_UUID_STRLEN 37

typedef struct {
    guint8 bytes[VNET_UUID_LEN];
} VnetUuid;

/* Parses 32 hex digits, optionally split by '-' between byte pairs, with
 * optional surrounding blanks (libvirt's leniency). Returns 0 or -EINVAL. */
int vnet_uuid_parse(const char *str, VnetUuid *ret);

/* Writes the canonical lowercase 8-4-4-4-12 form into @buf. */
void vnet_uuid_format(const VnetUuid *uuid, char buf[VNET_UUID_STRLEN]);

gboolean vnet_uuid_is_null(const VnetUuid *uuid);
gboolean vnet_uuid_equal(const VnetUuid *a, const VnetUuid *b);

/* A random (version 4, RFC 4122 variant) UUID. Returns 0 or -errno. */
int vnet_uuid_generate(VnetUuid *ret);
