# Sourced by benchmarks/startup and benchmarks/rss: sets JAVA_HOME, when unset, to the JDK under
# /usr/lib/jvm with the highest major version (by `java -version`, not by directory name).
if [ -z "${JAVA_HOME:-}" ]; then
    newest_major=0
    for home in /usr/lib/jvm/*/; do
        home=${home%/}
        [ -x "$home/bin/java" ] || continue
        m=$("$home/bin/java" -version 2>&1 | head -n 1 | sed -E 's/.*version "([0-9]+).*/\1/')
        case $m in '' | *[!0-9]*) continue ;; esac
        if [ "$m" -gt "$newest_major" ]; then
            JAVA_HOME="$home" newest_major=$m
        fi
    done
    export JAVA_HOME
fi
