#!/bin/sh
# vnsh-bash-completion.sh: data/bash-completion/vnsh in bash, with the
# COMP_WORDS a user's TAB would give it. bash-completion's _init_completion
# is stood in for by a minimal one when the package is not installed.
# Prints TAP.
top_srcdir=${VNET_TOP_SRCDIR:-$(dirname "$0")/..}
top_builddir=${VNET_TOP_BUILDDIR:-.}
script=$top_srcdir/data/bash-completion/vnsh
vnsh=$top_builddir/tools/vnsh/vnsh

if ! command -v bash >/dev/null 2>&1; then
    echo "1..0 # SKIP bash is not installed"
    exit 0
fi

# each case: the words typed (the last is the one completed) and a word
# that must be offered, or "!" and a word that must not be
set -- \
    "dest|destroy" \
    "natnetwork mo|modify" \
    "-c test:///default start |test" \
    "-c test:///default net-start def|default" \
    "list --a|--all" \
    "list --all |!--all" \
    "natnetwork modify --dhcp o|off" \
    "help natn|natnetwork" \
    "-|--connect" \
    "define /dev/nul|/dev/null"

echo "1..$#"
n=0
for case in "$@"; do
    n=$((n + 1))
    typed=${case%%|*}
    want=${case#*|}
    result=$(VNET_DEFAULT_URI= bash -c '
        _init_completion() {
            words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
            cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
        }
        complete() { :; }
        compopt() { :; }
        . "$1"
        line="$2 $3"
        read -ra COMP_WORDS <<< "$line"
        case "$line" in *" ") COMP_WORDS+=("") ;; esac
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _vnsh
        printf "%s\n" "${COMPREPLY[@]}"
    ' sh "$script" "$vnsh" "$typed")
    case $want in
    !*)
        if printf '%s\n' "$result" | grep -qxF -- "${want#!}"; then
            echo "not ok $n - '$typed' offers ${want#!}: $result"
        else
            echo "ok $n - '$typed' does not offer ${want#!}"
        fi
        ;;
    *)
        if printf '%s\n' "$result" | grep -qxF -- "$want"; then
            echo "ok $n - '$typed' offers $want"
        else
            echo "not ok $n - '$typed' does not offer $want: $result"
        fi
        ;;
    esac
done
