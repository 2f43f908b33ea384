/* frame-helper.c: real Ethernet frames through tap fds and packet sockets. */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>

#include "frame-helper.h"
#include "util/vnet-netns.h"

/* IEEE 802 local experimental ethertype: nothing else on the wire uses it */
#define ETH_P_VNET_TEST 0x88b5

VnetNl *
vnet_test_open_nl(void)
{
    VnetNl *nl = NULL;

    g_assert_cmpint(vnet_nl_open(&nl), ==, 0);
    return nl;
}

VnetMac
vnet_test_mac(const char *str)
{
    VnetMac mac;

    g_assert_cmpint(vnet_mac_parse(str, &mac), ==, 0);
    return mac;
}

typedef struct {
    int ifindex;
    int fd;
} PacketSocket;

/* Run inside the far namespace, so the socket stays bound there. */
static int
open_packet_socket(gpointer data)
{
    PacketSocket *ps = data;
    struct sockaddr_ll sll = {.sll_family = AF_PACKET,
                              .sll_protocol = htons(ETH_P_VNET_TEST),
                              .sll_ifindex = ps->ifindex};

    ps->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_VNET_TEST));
    if (ps->fd < 0)
        return -errno;
    if (bind(ps->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
        return -errno;
    return 0;
}

static gsize
build_frame(guint8 *buf, const VnetMac *dst, const VnetMac *src, const char *payload)
{
    gsize len = strlen(payload);

    memcpy(buf, dst->addr, 6);
    memcpy(buf + 6, src->addr, 6);
    buf[12] = ETH_P_VNET_TEST >> 8;
    buf[13] = ETH_P_VNET_TEST & 0xff;
    memcpy(buf + 14, payload, len);
    return 14 + len;
}

/* Reads frames from @fd (skipping @skip leading bytes of each) until one
 * of our ethertype, addressed to @dst, carries @payload, or two seconds
 * pass. */
static gboolean
receive_frame(int fd, gsize skip, const VnetMac *dst, const char *payload)
{
    gint64 deadline = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;
    gsize len = strlen(payload);

    while (g_get_monotonic_time() < deadline) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        guint8 buf[2048];
        ssize_t n;

        if (poll(&pfd, 1, 200) <= 0)
            continue;
        n = read(fd, buf, sizeof(buf));
        if (n < (ssize_t)(skip + 14 + len))
            continue;
        if (buf[skip + 12] != (ETH_P_VNET_TEST >> 8) || buf[skip + 13] != (ETH_P_VNET_TEST & 0xff))
            continue;
        if (memcmp(buf + skip, dst->addr, 6) == 0 && memcmp(buf + skip + 14, payload, len) == 0)
            return TRUE;
    }
    return FALSE;
}

void
vnet_test_assert_frames(int tap_fd, const VnetMac *guest, const char *far_ns,
                        const char *far_if, const char *tag)
{
    g_autoptr(VnetNl) far_nl = NULL;
    g_autofree char *out = g_strdup_printf("%s: guest to wire", tag);
    g_autofree char *in = g_strdup_printf("%s: wire to guest", tag);
    VnetNlLinkInfo far;
    PacketSocket ps = {.fd = -1};
    struct ifreq ifr = {0};
    guint8 frame[128] = {0};
    int hdr_sz = 0;
    int far_fd;
    gsize len;

    g_assert_cmpint(ioctl(tap_fd, TUNGETIFF, &ifr), ==, 0);
    if (ifr.ifr_flags & IFF_VNET_HDR)
        g_assert_cmpint(ioctl(tap_fd, TUNGETVNETHDRSZ, &hdr_sz), ==, 0);
    g_assert_cmpint(vnet_netns_open(far_ns, &far_fd), ==, 0);
    g_assert_cmpint(vnet_nl_open_in_netns(far_fd, &far_nl), ==, 0);
    g_assert_cmpint(vnet_nl_link_get(far_nl, far_if, &far), ==, 0);
    ps.ifindex = far.ifindex;
    g_assert_cmpint(vnet_netns_run(far_fd, open_packet_socket, &ps), ==, 0);

    /* guest -> wire: written into the tap fd, seen on the far side; a
     * zeroed virtio-net header means "no offloads": a plain frame */
    len = build_frame(frame + hdr_sz, &far.mac, guest, out);
    g_assert_cmpint(write(tap_fd, frame, hdr_sz + len), ==, (ssize_t)(hdr_sz + len));
    g_assert_true(receive_frame(ps.fd, 0, &far.mac, out));

    /* wire -> guest: sent on the far side, read from the tap fd */
    len = build_frame(frame, guest, &far.mac, in);
    {
        struct sockaddr_ll to = {.sll_family = AF_PACKET, .sll_ifindex = far.ifindex,
                                 .sll_halen = 6};

        memcpy(to.sll_addr, guest->addr, 6);
        g_assert_cmpint(sendto(ps.fd, frame, len, 0, (struct sockaddr *)&to, sizeof(to)), ==,
                        (ssize_t)len);
    }
    g_assert_true(receive_frame(tap_fd, hdr_sz, guest, in));

    close(ps.fd);
    close(far_fd);
}
