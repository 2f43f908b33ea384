/* vnet-error.h: the one GError domain of libvnet and its codes.
 *
 * Every failing libvnet call sets a GError in VNET_ERROR with one of these
 * codes; over D-Bus each code travels as an error named
 * "org.vnet1.Error.<Name>" (see vnet_error_code_to_dbus_name()).
 */
#pragma once

#if !defined(VNET_H_INSIDE) && !defined(VNET_COMPILATION)
#error "Only <vnet/vnet.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define VNET_ERROR (vnet_error_quark())

/**
 * VnetErrorCode:
 * @VNET_ERROR_FAILED: a failure with no more specific code
 * @VNET_ERROR_INTERNAL: a bug in libvnet
 * @VNET_ERROR_INVALID_ARG: an argument of the call is invalid
 * @VNET_ERROR_INVALID_XML: the XML is not well formed, unsafe, too large, or
 *   not the expected document
 * @VNET_ERROR_CONFIG_INVALID: the XML is well formed but breaks a rule
 * @VNET_ERROR_CONFIG_UNSUPPORTED: the XML asks for a feature vnet does not have
 * @VNET_ERROR_OPERATION_INVALID: the operation is not valid in the object's
 *   current state (e.g. starting a running domain)
 * @VNET_ERROR_OPERATION_FAILED: the operation was valid but failed
 * @VNET_ERROR_NO_DOMAIN: no domain with that name or UUID
 * @VNET_ERROR_NO_NETWORK: no network with that name or UUID
 * @VNET_ERROR_DOMAIN_EXISTS: a domain with that name or UUID already exists
 * @VNET_ERROR_NETWORK_EXISTS: a network with that name or UUID already exists
 * @VNET_ERROR_NETLINK: the kernel refused a netlink request
 * @VNET_ERROR_SYSTEM: a system call failed
 * @VNET_ERROR_IO: reading or writing a file failed
 * @VNET_ERROR_INVALID_URI: the connection URI is malformed or unknown
 * @VNET_ERROR_ACCESS_DENIED: the caller may not do this
 * @VNET_ERROR_BACKEND_UNAVAILABLE: the guest backend or driver is not available
 */
typedef enum {
    VNET_ERROR_FAILED,
    VNET_ERROR_INTERNAL,
    VNET_ERROR_INVALID_ARG,
    VNET_ERROR_INVALID_XML,
    VNET_ERROR_CONFIG_INVALID,
    VNET_ERROR_CONFIG_UNSUPPORTED,
    VNET_ERROR_OPERATION_INVALID,
    VNET_ERROR_OPERATION_FAILED,
    VNET_ERROR_NO_DOMAIN,
    VNET_ERROR_NO_NETWORK,
    VNET_ERROR_DOMAIN_EXISTS,
    VNET_ERROR_NETWORK_EXISTS,
    VNET_ERROR_NETLINK,
    VNET_ERROR_SYSTEM,
    VNET_ERROR_IO,
    VNET_ERROR_INVALID_URI,
    VNET_ERROR_ACCESS_DENIED,
    VNET_ERROR_BACKEND_UNAVAILABLE,
} VnetErrorCode;

#define VNET_ERROR_N_CODES (VNET_ERROR_BACKEND_UNAVAILABLE + 1)

GQuark vnet_error_quark(void);

/**
 * vnet_error_code_to_dbus_name:
 * @error_code: a #VnetErrorCode
 *
 * Returns: (transfer none): the D-Bus error name for @error_code, such as
 * "org.vnet1.Error.NoDomain", or %NULL when @error_code is out of range.
 */
const char *vnet_error_code_to_dbus_name(VnetErrorCode error_code);

G_END_DECLS
