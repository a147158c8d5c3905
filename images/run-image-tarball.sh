#!/usr/bin/env bash
# Runs a service image tarball (jib-image.tar, docker-save format) without a container engine: unpacks its
# layers into a directory and starts the image's entrypoint there under chroot, as the image's user, with the
# image's environment plus the NAME=value pairs given. Shares the host's network, so "localhost" is the host.
# For machines with no Docker engine (like the ones this project is built on); needs root (chroot,
# unshare) and python3.
#
#   images/run-image-tarball.sh orders-service/target/jib-image.tar \
#       KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 SERVER_PORT=18081
#
# It checks what the image holds (files, entrypoint, user, JVM flags), not a container runtime's isolation.
set -euo pipefail

[[ $# -ge 1 ]] || { echo "usage: $0 IMAGE.tar [NAME=value...]" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "run-image-tarball.sh: needs root (chroot)" >&2; exit 1; }
image="$(readlink -f "$1")"
shift

work="$(mktemp -d)"
rootfs="${work}/rootfs"
mkdir -p "${work}/image" "$rootfs"
tar -xf "$image" -C "${work}/image"

# Layers in manifest order, then the config's entrypoint, environment and user as shell-quoted words.
python3 - "${work}/image" "$rootfs" > "${work}/launch" <<'PY'
import json, os, shlex, subprocess, sys
image, rootfs = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
for layer in manifest["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "-xf", os.path.join(image, layer), "-C", rootfs], check=True)
config = json.load(open(os.path.join(image, manifest["Config"])))["config"]
print("image_user=" + shlex.quote(config.get("User") or "0:0"))
print("image_env=(" + " ".join(shlex.quote(e) for e in config.get("Env") or []) + ")")
print("entrypoint=(" + " ".join(shlex.quote(a) for a in (config.get("Entrypoint") or []) + (config.get("Cmd") or [])) + ")")
print("workdir=" + shlex.quote(config.get("WorkingDir") or "/"))
PY
# shellcheck disable=SC1091
source "${work}/launch"

cp /etc/resolv.conf "${rootfs}/etc/resolv.conf" 2> /dev/null || true
printf '127.0.0.1 localhost\n::1 localhost\n' > "${rootfs}/etc/hosts"
echo "run-image-tarball.sh: ${image} unpacked in ${rootfs}; running as ${image_user}: ${entrypoint[*]}"
[[ "$workdir" == "/" ]] || { echo "run-image-tarball.sh: WorkingDir ${workdir} is not supported" >&2; exit 1; }
mkdir -p "${rootfs}/proc"
# The image may have no shell and no env binary: the environment is set outside, chroot then runs the
# entrypoint with the image's PATH. The JVM needs /proc (its own path, cgroup limits): a private mount and
# PID namespace gives it one that disappears with it.
/usr/bin/env -i HOME=/tmp "${image_env[@]}" "$@" \
  "$(command -v unshare)" --mount --pid --fork --kill-child --mount-proc="${rootfs}/proc" \
  "$(command -v chroot)" --userspec="$image_user" "$rootfs" "${entrypoint[@]}" &
launcher=$!
# unshare ignores SIGTERM and SIGINT while it waits: hand them to the entrypoint (its only child), which
# shuts down gracefully as it would when a container runtime stops it.
stop() {
  pkill -TERM -P "$launcher" || true
}
trap stop TERM INT
status=0
wait "$launcher" || status=$?
# A trapped signal interrupts the first wait; wait again for the entrypoint's graceful exit.
if kill -0 "$launcher" 2> /dev/null; then
  wait "$launcher" || status=$?
fi
echo "run-image-tarball.sh: exited with ${status}; the unpacked image stays in ${work} (delete it when done)"
exit "$status"
