/* driver-test.c: test:///default — everything in memory, nothing on the
 * host. Like libvirt's test driver it starts with one running NAT network
 * ("default") and one running domain ("test") attached to it. */
#include <config.h>

#include "network/driver-core.h"
#include "util/vnet-i18n.h"

static const char default_network_xml[] =
    "<network>\n"
    "  <name>default</name>\n"
    "  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>\n"
    "  <forward mode='nat'/>\n"
    "  <bridge name='vnbr0'/>\n"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.122.2' end='192.168.122.254'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

static const char test_domain_xml[] =
    "<domain type='test'>\n"
    "  <name>test</name>\n"
    "  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "  <memory unit='KiB'>8388608</memory>\n"
    "  <vcpu>2</vcpu>\n"
    "  <devices>\n"
    "    <interface type='network'>\n"
    "      <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "      <source network='default'/>\n"
    "      <model type='virtio'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";

static gboolean
add_examples(VnetCore *core, GError **error)
{
    g_autoptr(VnetObjectId) net = vnet_core_network_define_xml(core, default_network_xml, error);
    g_autoptr(VnetObjectId) dom = NULL;

    if (!net || !vnet_core_network_start(core, &net->uuid, error))
        return FALSE;
    dom = vnet_core_domain_define_xml(core, test_domain_xml, error);
    return dom && vnet_core_domain_start(core, &dom->uuid, error);
}

static gpointer
test_open(const VnetUri *uri, VnetConnectionFlags flags, VnetEventBus *bus, GError **error)
{
    g_autoptr(VnetCore) core = NULL;

    if (!g_str_equal(uri->path, "/default") || g_hash_table_size(uri->query) > 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': the test driver only knows test:///default"),
                    uri->canonical);
        return NULL;
    }
    core = vnet_core_new(FALSE, NULL, bus);
    if (!add_examples(core, error)) {
        g_prefix_error(error, "test driver: ");
        return NULL;
    }
    return g_steal_pointer(&core);
}

const VnetDriver vnet_test_driver = {
    .name = "test",
    .scheme = "test",
    .flags = 0,
    .open = test_open,
    VNET_CORE_DRIVER_OPS,
};
