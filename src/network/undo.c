/* undo.c: the rollback stack of multi-step host changes. */
#include <config.h>

#include <stdarg.h>

#include <vnet/vnet.h>

#include "network/undo.h"
#include "util/vnet-log.h"

typedef struct {
    char *what;
    VnetUndoFunc func;
    gpointer data;
    GDestroyNotify data_free;
} Step;

struct _VnetUndo {
    GArray *steps; /* Step */
};

static void
step_clear(Step *step)
{
    if (step->data_free)
        step->data_free(step->data);
    g_free(step->what);
}

/**
 * vnet_undo_new:
 *
 * Returns: (transfer full): an empty stack.
 */
VnetUndo *
vnet_undo_new(void)
{
    VnetUndo *undo = g_new0(VnetUndo, 1);

    undo->steps = g_array_new(FALSE, TRUE, sizeof(Step));
    g_array_set_clear_func(undo->steps, (GDestroyNotify)step_clear);
    return undo;
}

/**
 * vnet_undo_free:
 * @undo: (nullable): a stack
 *
 * Frees the stack; nothing is undone.
 */
void
vnet_undo_free(VnetUndo *undo)
{
    if (!undo)
        return;
    g_array_unref(undo->steps);
    g_free(undo);
}

/**
 * vnet_undo_push:
 * @undo: a stack
 * @what: what the step did, for debug logs
 * @func: undoes it
 * @data: for @func
 * @data_free: (nullable): frees @data
 *
 * Records how to undo a step that has just succeeded.
 */
void
vnet_undo_push(VnetUndo *undo, const char *what, VnetUndoFunc func, gpointer data,
               GDestroyNotify data_free)
{
    Step step = {g_strdup(what), func, data, data_free};

    g_array_append_val(undo->steps, step);
}

/**
 * vnet_undo_run:
 * @undo: a stack
 *
 * Undoes every recorded step, newest first.
 */
void
vnet_undo_run(VnetUndo *undo)
{
    while (undo->steps->len > 0) {
        Step *step = &g_array_index(undo->steps, Step, undo->steps->len - 1);

        vnet_debug("undo", "undoing: %s", step->what);
        step->func(step->data);
        g_array_set_size(undo->steps, undo->steps->len - 1);
    }
}

/**
 * vnet_undo_count:
 * @undo: a stack
 *
 * Returns: the number of steps recorded.
 */
guint
vnet_undo_count(VnetUndo *undo)
{
    return undo->steps->len;
}

/**
 * vnet_step_error:
 * @error: return location for a #GError
 * @code: a #VnetErrorCode
 * @step: the step that failed
 * @format: printf format of the reason
 * @...: arguments
 *
 * Sets "STEP: REASON".
 */
void
vnet_step_error(GError **error, int code, const char *step, const char *format, ...)
{
    g_autofree char *reason = NULL;
    va_list args;

    va_start(args, format);
    reason = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, VNET_ERROR, code, "%s: %s", step, reason);
}

/**
 * vnet_step_error_errno:
 * @error: return location for a #GError
 * @code: a #VnetErrorCode
 * @step: the step that failed
 * @neg_errno: a negative errno
 * @detail: (nullable): more text from the kernel
 *
 * Sets "STEP: STRERROR (DETAIL)".
 */
void
vnet_step_error_errno(GError **error, int code, const char *step, int neg_errno,
                      const char *detail)
{
    if (detail && *detail)
        g_set_error(error, VNET_ERROR, code, "%s: %s (%s)", step, g_strerror(-neg_errno), detail);
    else
        g_set_error(error, VNET_ERROR, code, "%s: %s", step, g_strerror(-neg_errno));
}
