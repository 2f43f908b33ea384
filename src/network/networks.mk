# src/network/networks.mk: networks realized on the host (issue 7) — NAT,
# route, open, host-only and internal networks on bridges of their own,
# their nftables tables and dnsmasq, and the NICs that join bridges or are
# host-routed. Built into the driver layer's library.
src_network_libvnet_network_la_SOURCES += \
	src/network/dnsmasq.c src/network/dnsmasq.h \
	src/network/driver-core-netuse.c \
	src/network/net-bridged.c src/network/net-bridged.h \
	src/network/net-exec.c src/network/net-exec.h \
	src/network/nftables.c src/network/nftables.h \
	src/network/nic-bridge.c \
	src/network/nic-routed.c
# the taps of VM guests' NICs joining bridges (link-tap), and their glue to
# the NIC ops table (realize_vm)
src_network_libvnet_network_la_SOURCES += \
	src/network/link-tap.c src/network/link-tap.h \
	src/network/nic-tap.c
