/* store.h: where the local driver keeps definitions and status files.
 *
 *   CONFIG/domains/NAME.xml            a domain's canonical XML
 *   CONFIG/domains/autostart/NAME      marker: start it with the driver
 *   CONFIG/networks/NAME.xml, CONFIG/networks/autostart/NAME
 *   RUN/domains/NAME.xml               status file of a running domain
 *   RUN/networks/NAME.xml              status file of a running network
 *   STATE/                             data that outlives a reboot
 *                                      (leases, issue 7)
 *
 * Every write is atomic (vnet_file_write_atomic). A definition file that
 * cannot be read is never rewritten or removed behind the user's back: the
 * store remembers its name, and defining an object with that name fails
 * with an error naming the file until the user moves or fixes it.
 */
#pragma once

#include <glib.h>

#include <vnet/vnet.h>

typedef struct _VnetStore VnetStore;

/* Creates the folders when missing. */
VnetStore *vnet_store_open(const char *config_dir, const char *state_dir, const char *run_dir,
                           GError **error);
void vnet_store_free(VnetStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetStore, vnet_store_free)

const char *vnet_store_get_state_dir(VnetStore *store);
/* RUN: status files, and the runtime files of networks (RUN/dnsmasq/NAME/) */
const char *vnet_store_get_run_dir(VnetStore *store);

char *vnet_store_config_path(VnetStore *store, VnetObjectKind kind, const char *name);
char *vnet_store_status_path(VnetStore *store, VnetObjectKind kind, const char *name);

/* Paths of the *.xml definition (or status) files, sorted. */
GPtrArray *vnet_store_list_configs(VnetStore *store, VnetObjectKind kind);
GPtrArray *vnet_store_list_status(VnetStore *store, VnetObjectKind kind);

/* Remembers that the definition file of @name could not be loaded. */
void vnet_store_mark_broken(VnetStore *store, VnetObjectKind kind, const char *name);

/* Checks that @name can be used as a file name (and is not a broken file's
 * name); INVALID_ARG / OPERATION_INVALID otherwise. */
gboolean vnet_store_check_name(VnetStore *store, VnetObjectKind kind, const char *name,
                               GError **error);

gboolean vnet_store_save_config(VnetStore *store, VnetObjectKind kind, const char *name,
                                const char *xml, GError **error);
/* Removes the definition and its autostart marker. */
gboolean vnet_store_delete_config(VnetStore *store, VnetObjectKind kind, const char *name,
                                  GError **error);
gboolean vnet_store_get_autostart(VnetStore *store, VnetObjectKind kind, const char *name);
gboolean vnet_store_set_autostart(VnetStore *store, VnetObjectKind kind, const char *name,
                                  gboolean autostart, GError **error);

gboolean vnet_store_save_status(VnetStore *store, VnetObjectKind kind, const char *name,
                                const char *xml, GError **error);
gboolean vnet_store_delete_status(VnetStore *store, VnetObjectKind kind, const char *name,
                                  GError **error);

/* The object name a definition or status file stands for ("web1" for
 * ".../web1.xml"). */
char *vnet_store_name_from_path(const char *path);
