/* vnet-example.c: the smallest complete libvnet program.
 *
 * Opens the in-memory test driver, defines a domain from an XML file,
 * starts it, prints its live XML (with the device names the start gave its
 * NICs), then destroys and undefines it.
 *
 *     cc vnet-example.c $(pkg-config --cflags --libs libvnet) -o vnet-example
 *     ./vnet-example domain.xml
 */
#include <stdio.h>
#include <stdlib.h>

#include <vnet/vnet.h>

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *live = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: %s DOMAIN.xml\n", argv[0]);
        return 2;
    }
    if (!g_file_get_contents(argv[1], &xml, NULL, &error))
        goto fail;

    conn = vnet_connection_open("test:///default", &error);
    if (!conn)
        goto fail;
    dom = vnet_domain_define_xml(conn, xml, &error);
    if (!dom || !vnet_domain_start(dom, &error))
        goto fail;
    live = vnet_domain_get_xml(dom, 0, &error);
    if (!live)
        goto fail;
    fputs(live, stdout);
    if (!vnet_domain_destroy(dom, &error) || !vnet_domain_undefine(dom, &error))
        goto fail;
    printf("domain '%s' started, destroyed and undefined on %s\n", vnet_domain_get_name(dom),
           vnet_connection_get_uri(conn));
    return EXIT_SUCCESS;

fail:
    fprintf(stderr, "error: %s\n", error->message);
    return EXIT_FAILURE;
}
