#!/usr/bin/env bash
# Builds a base image tarball (docker-save format) from this machine's own JDK, for building the service
# images where no registry is reachable: Jib can then use it as "tar://" base instead of pulling
# eclipse-temurin. Linux x86_64/arm64 with a JDK 17 that has jmods (Debian: openjdk-17-jdk-headless).
#
#   images/local-base.sh                       # writes images/target/local-base.tar
#   ./mvnw -B -Pimages -DskipTests package -Dimage.base=tar://$PWD/images/target/local-base.tar
#
# The image holds a jlink'ed Java runtime, the shared libraries it (and RocksDB, and curl for the compose
# healthcheck) links against, a non-root user 1000, and nothing else: no shell, no package manager.
# It is for offline builds and smoke tests here; release images use eclipse-temurin (the default).
set -euo pipefail

cd "$(dirname "$0")"
out_dir="target"
out="${out_dir}/local-base.tar"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

[[ -d "${java_home}/jmods" ]] || { echo "local-base.sh: ${java_home} has no jmods (install a full JDK 17)" >&2; exit 1; }
command -v ldd > /dev/null || { echo "local-base.sh: ldd is needed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="${work}/rootfs"
mkdir -p "$rootfs"/{etc,tmp,usr/bin,opt/java}
chmod 1777 "${rootfs}/tmp"

echo "jlink: Java runtime from ${java_home}"
# java.se plus what Spring Boot, Kafka and Micrometer reach outside it (Unsafe, JMX extensions, EC crypto, JFR).
"${java_home}/bin/jlink" --module-path "${java_home}/jmods" \
  --add-modules java.se,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.naming.dns,jdk.zipfs,jdk.jfr \
  --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "${rootfs}/opt/java/openjdk"

curl_bin="$(command -v curl || true)"
if [[ -n "$curl_bin" ]]; then
  cp "$curl_bin" "${rootfs}/usr/bin/curl"
fi

# RocksDB (Kafka Streams' state store) is a JNI library unpacked at run time: it needs libstdc++ & co.
rocksdb_jar="$(find "${HOME}/.m2/repository/org/rocksdb/rocksdbjni" -name 'rocksdbjni-*.jar' 2>/dev/null | sort | tail -n 1)"
if [[ -n "$rocksdb_jar" ]]; then
  mkdir -p "${work}/rocksdb"
  (cd "${work}/rocksdb" && "${java_home}/bin/jar" xf "$rocksdb_jar" "librocksdbjni-linux64.so" 2> /dev/null || true)
  (cd "${work}/rocksdb" && "${java_home}/bin/jar" xf "$rocksdb_jar" "librocksdbjni-linux-aarch64.so" 2> /dev/null || true)
fi

echo "copying the shared libraries they link against"
# ldd fails on files that are not dynamic executables (scripts, data): those add nothing, hence the "|| true".
libs="$(find "${rootfs}/opt/java/openjdk" "${rootfs}/usr/bin" "${work}/rocksdb" -type f \( -name '*.so*' -o -perm -u+x \) \
  -exec sh -c 'ldd "$@" 2> /dev/null || true' sh {} + | grep -oE '/[^ ]+\.so[^ ]*' | sort -u || true)"
for lib in $libs; do
  # Libraries found inside the runtime itself (via $ORIGIN) are already in the image.
  if [[ -e "$lib" && "$lib" != "$work"/* ]]; then
    mkdir -p "${rootfs}$(dirname "$lib")"
    cp -L "$lib" "${rootfs}${lib}"
  fi
done
# Name resolution for the Kafka bootstrap host names (glibc loads these by name, so ldd does not list them).
for lib in /lib/*-linux-gnu/libnss_dns.so.2 /lib/*-linux-gnu/libnss_files.so.2 /lib/*-linux-gnu/libresolv.so.2; do
  if [[ -e "$lib" ]]; then
    mkdir -p "${rootfs}$(dirname "$lib")"
    cp -L "$lib" "${rootfs}${lib}"
  fi
done
if [[ -d /etc/ssl/certs ]]; then
  mkdir -p "${rootfs}/etc/ssl"
  cp -rL /etc/ssl/certs "${rootfs}/etc/ssl/" 2> /dev/null || true
fi

cat > "${rootfs}/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
app:x:1000:0:orderflow service:/tmp:/sbin/nologin
PASSWD
cat > "${rootfs}/etc/group" <<'GROUP'
root:x:0:
GROUP
printf 'hosts: files dns\n' > "${rootfs}/etc/nsswitch.conf"

echo "writing ${out}"
mkdir -p "${work}/image" "$out_dir"
# Fixed order, owner and times: the same JDK and libraries give the same layer digest.
tar --sort=name --mtime='@0' --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "${work}/image/layer.tar" .
diff_id="sha256:$(sha256sum "${work}/image/layer.tar" | cut -d' ' -f1)"
case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) arch="$(uname -m)" ;;
esac
cat > "${work}/image/config.json" <<CONFIG
{"architecture":"${arch}","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],"User":"1000:0"},
 "rootfs":{"type":"layers","diff_ids":["${diff_id}"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"images/local-base.sh"}]}
CONFIG
cat > "${work}/image/manifest.json" <<'MANIFEST'
[{"Config":"config.json","RepoTags":["orderflow/local-base:17"],"Layers":["layer.tar"]}]
MANIFEST
tar --sort=name --mtime='@0' --owner=0 --group=0 --numeric-owner -C "${work}/image" -cf "$out" manifest.json config.json layer.tar
echo "local-base.sh: $(du -h "$out" | cut -f1) ${out} (use -Dimage.base=tar://$(pwd)/${out})"
