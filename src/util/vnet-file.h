/* vnet-file.h: files that are either fully written or not there at all. */
#pragma once

#include <glib.h>
#include <sys/types.h>

/* Writes @len bytes of @data to @path atomically: a temporary file in the
 * same folder (".NAME.XXXXXX"), fsync, rename over @path, fsync of the
 * folder. A crash leaves either the old content or the new one, never a
 * mix (at worst a stray temporary file, which readers ignore because of the
 * leading dot). Returns 0 or -errno; on failure @path is untouched and the
 * temporary file is gone. */
int vnet_file_write_atomic(const char *path, const void *data, gsize len, mode_t mode);

/* Removes @path and fsyncs its folder, so the removal survives a crash.
 * Returns 0, or -errno (-ENOENT when there was nothing to remove). */
int vnet_file_remove_durable(const char *path);

/* fsync() of a folder. Returns 0 or -errno. */
int vnet_file_sync_dir(const char *dir);
