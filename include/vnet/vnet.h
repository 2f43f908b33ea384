/* vnet.h: the umbrella header of libvnet, the only one applications include.
 *
 *     #include <vnet/vnet.h>
 *
 * Link with `pkg-config --cflags --libs libvnet`.
 */
#pragma once

#define VNET_H_INSIDE

#include <vnet/vnet-common.h>
#include <vnet/vnet-error.h>
#include <vnet/vnet-xml.h>
#include <vnet/vnet-connection.h>
#include <vnet/vnet-domain.h>
#include <vnet/vnet-network.h>

#undef VNET_H_INSIDE
