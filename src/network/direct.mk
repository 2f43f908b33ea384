# src/network: direct NICs (<interface type='direct'>): macvtap for VM
# guests, macvlan inside netns guests, passthrough bookkeeping.
src_network_libvnet_network_la_SOURCES += \
	src/network/link-direct.c src/network/link-direct.h
