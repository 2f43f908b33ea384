# src/network: direct NICs (<interface type='direct'>): macvtap for VM
# guests, macvlan inside netns guests, passthrough bookkeeping.
src_network_libvnet_network_la_SOURCES += \
	src/network/link-direct.c src/network/link-direct.h
# the glue to the NIC ops table of src/network/nic.h
src_network_libvnet_network_la_SOURCES += \
	src/network/link-direct-nic.c src/network/link-direct-nic.h
# the netdev group of each running domain (one bulk delete per domain)
src_network_libvnet_network_la_SOURCES += \
	src/network/netdev-group.c src/network/netdev-group.h
