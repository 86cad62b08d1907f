# Shared shell helpers for scripts/*: messages and failing with a clear reason.
say() { printf '[%s] %s\n' "$(basename "$0")" "$*"; }
die() {
    printf '[%s] error: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}
