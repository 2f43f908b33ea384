# data: vnsh's bash completion script (it asks `vnsh complete` for the
# candidates, so it follows the command tables by itself).
bashcompletiondir = $(BASH_COMPLETION_DIR)
dist_bashcompletion_DATA = data/bash-completion/vnsh
