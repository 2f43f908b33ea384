/* frame-helper.h: real Ethernet frames for link tests.
 *
 * The tests of taps and macvtaps prove a link works by sending traffic:
 * a frame written into the tap fd must come out of the far end of the
 * network (a packet socket in another namespace), and the reverse. The
 * frames carry an IEEE 802 local experimental ethertype, so nothing else
 * on the wire is mistaken for them.
 */
#pragma once

#include <glib.h>

#include "util/vnet-mac.h"
#include "util/vnet-nl.h"

/* A fresh netlink handle in the current namespace; fails the test if none. */
VnetNl *vnet_test_open_nl(void);

/* @str parsed as a MAC address; fails the test if it is not one. */
VnetMac vnet_test_mac(const char *str);

/* Frames both ways between @tap_fd (a tap or macvtap fd, the guest's side,
 * MAC @guest) and link @far_if in named namespace @far_ns: one written into
 * the fd must arrive on @far_if addressed to it, one sent from @far_if to
 * @guest must be read from the fd (after the virtio-net header when the fd
 * has IFF_VNET_HDR). @tag starts both payloads, naming the test. */
void vnet_test_assert_frames(int tap_fd, const VnetMac *guest, const char *far_ns,
                             const char *far_if, const char *tag);
