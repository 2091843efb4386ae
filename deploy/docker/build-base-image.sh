#!/usr/bin/env bash
# Builds a Java 17 runtime base image from Debian's packages, for machines that reach no image registry:
# a minimal Debian rootfs made with debootstrap, plus openjdk-17-jre-headless, loaded with `docker import`.
# The image is cached: it is built only when missing. Usage: deploy/docker/build-base-image.sh [image-name]
set -euo pipefail
image="${1:-hotline/jre17-base:bookworm}"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image exists"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is needed: apt-get install -y debootstrap" >&2; exit 1; }
mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
mirror="${mirror:-$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)}"
mirror="${mirror:-http://deb.debian.org/debian}"
rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$mirror"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'ENV PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["bash"]' - "$image"
echo "built $image"
