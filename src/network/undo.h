/* undo.h: rollback of multi-step host changes.
 *
 * Each step that changed the host pushes how to undo it; when a later step
 * fails, vnet_undo_run() undoes everything in reverse order, and the error
 * of the failed step says which step it was (vnet_step_error()). When all
 * steps succeed the caller frees the stack without running it: the changes
 * stay, recorded in the status file instead.
 */
#pragma once

#include <glib.h>

typedef struct _VnetUndo VnetUndo;

/* Undoes one step; failures are logged at debug level only (there is no
 * one to report them to, and the rest of the rollback must go on). */
typedef void (*VnetUndoFunc)(gpointer data);

VnetUndo *vnet_undo_new(void);
/* Frees the stack without undoing anything. */
void vnet_undo_free(VnetUndo *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetUndo, vnet_undo_free)

/* @what describes the step ("creating namespace 'web1'") for debug logs. */
void vnet_undo_push(VnetUndo *undo, const char *what, VnetUndoFunc func, gpointer data,
                    GDestroyNotify data_free);
/* Undoes every step, newest first, and empties the stack. */
void vnet_undo_run(VnetUndo *undo);
guint vnet_undo_count(VnetUndo *undo);

/* Sets @error to "STEP: MESSAGE" with @code. */
void vnet_step_error(GError **error, int code, const char *step, const char *format, ...)
    G_GNUC_PRINTF(4, 5);
/* The same for a -errno from src/util ("STEP: No such device"), with
 * VNET_ERROR_NETLINK, _SYSTEM... as given; @detail (may be NULL) is the
 * kernel's extended-ack text. */
void vnet_step_error_errno(GError **error, int code, const char *step, int neg_errno,
                           const char *detail);
