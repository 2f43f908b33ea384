# src/conf/netdev: the interface pieces shared by domain and network XML
# (<bandwidth>, <virtualport>, <vlan>, <mtu>, port-forward rules).
noinst_LTLIBRARIES += src/conf/libvnet_conf_netdev.la
VNET_LAYER_LIBS += src/conf/libvnet_conf_netdev.la
src_conf_libvnet_conf_netdev_la_SOURCES = \
	src/conf/netdev_conf.h \
	src/conf/netdev_bandwidth_conf.c \
	src/conf/netdev_vport_conf.c \
	src/conf/netdev_vlan_conf.c \
	src/conf/netdev_portforward_conf.c
src_conf_libvnet_conf_netdev_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
