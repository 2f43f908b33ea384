/* vnet-error.c: the VNET_ERROR domain and its D-Bus names, from one table. */
#include <config.h>

#include <gio/gio.h>

#include <vnet/vnet.h>

static const GDBusErrorEntry error_entries[] = {
    {VNET_ERROR_FAILED, "org.vnet1.Error.Failed"},
    {VNET_ERROR_INTERNAL, "org.vnet1.Error.Internal"},
    {VNET_ERROR_INVALID_ARG, "org.vnet1.Error.InvalidArg"},
    {VNET_ERROR_INVALID_XML, "org.vnet1.Error.InvalidXML"},
    {VNET_ERROR_CONFIG_INVALID, "org.vnet1.Error.ConfigInvalid"},
    {VNET_ERROR_CONFIG_UNSUPPORTED, "org.vnet1.Error.ConfigUnsupported"},
    {VNET_ERROR_OPERATION_INVALID, "org.vnet1.Error.OperationInvalid"},
    {VNET_ERROR_OPERATION_FAILED, "org.vnet1.Error.OperationFailed"},
    {VNET_ERROR_NO_DOMAIN, "org.vnet1.Error.NoDomain"},
    {VNET_ERROR_NO_NETWORK, "org.vnet1.Error.NoNetwork"},
    {VNET_ERROR_DOMAIN_EXISTS, "org.vnet1.Error.DomainExists"},
    {VNET_ERROR_NETWORK_EXISTS, "org.vnet1.Error.NetworkExists"},
    {VNET_ERROR_NETLINK, "org.vnet1.Error.Netlink"},
    {VNET_ERROR_SYSTEM, "org.vnet1.Error.System"},
    {VNET_ERROR_IO, "org.vnet1.Error.IO"},
    {VNET_ERROR_INVALID_URI, "org.vnet1.Error.InvalidURI"},
    {VNET_ERROR_ACCESS_DENIED, "org.vnet1.Error.AccessDenied"},
    {VNET_ERROR_BACKEND_UNAVAILABLE, "org.vnet1.Error.BackendUnavailable"},
};

G_STATIC_ASSERT(G_N_ELEMENTS(error_entries) == VNET_ERROR_N_CODES);

/**
 * vnet_error_quark:
 *
 * Returns: the quark of the VNET_ERROR domain. Registering it also teaches
 * GDBus to carry each code as its D-Bus error name, both ways.
 */
GQuark
vnet_error_quark(void)
{
    static gsize quark = 0;

    g_dbus_error_register_error_domain("vnet-error-quark", &quark, error_entries,
                                       G_N_ELEMENTS(error_entries));
    return (GQuark)quark;
}

/**
 * vnet_error_code_to_dbus_name:
 * @error_code: a #VnetErrorCode
 *
 * Returns: (transfer none): the D-Bus error name of @error_code, or %NULL.
 */
const char *
vnet_error_code_to_dbus_name(VnetErrorCode error_code)
{
    if ((guint)error_code >= G_N_ELEMENTS(error_entries))
        return NULL;
    g_assert(error_entries[error_code].error_code == (gint)error_code);
    return error_entries[error_code].dbus_error_name;
}
