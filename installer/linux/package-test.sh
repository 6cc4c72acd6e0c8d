#!/bin/sh
# Installs, upgrades and purges the .deb on this machine (as root), with and without the freedesktop menu
# folders, and checks what lands where and what a purge leaves. Run after `mvn -Pinstaller clean package`:
#   sudo installer/linux/package-test.sh target/installer/deb/kelly-desk_0.1.0_amd64.deb
# It moves /etc/xdg/menus and /usr/share/desktop-directories aside for the "without" round and puts them back.
set -eu
deb=$(readlink -f "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"; restore' EXIT
moved=""
restore() {
    for d in $moved; do [ -e "$d.kd-aside" ] && mv "$d.kd-aside" "$d"; done
    moved=""
}
say() { echo "[package-test] $*"; }
check_installed() {
    test -x /opt/kelly-desk/bin/kelly-desk
    test -f /usr/share/applications/kelly-desk.desktop
    test -f /usr/share/icons/hicolor/256x256/apps/kelly-desk.png
    grep -qx 'StartupWMClass=io.kellydesk.app.KellyDeskApp' /usr/share/applications/kelly-desk.desktop
    grep -qx 'Exec=/opt/kelly-desk/bin/kelly-desk' /usr/share/applications/kelly-desk.desktop
    [ "$(dpkg-query -W -f='${Status}' kelly-desk)" = "install ok installed" ]
}
check_purged() {
    [ ! -e /opt/kelly-desk ]
    [ ! -e /usr/share/applications/kelly-desk.desktop ]
    [ ! -e /usr/share/icons/hicolor/256x256/apps/kelly-desk.png ]
    ! dpkg-query -W kelly-desk >/dev/null 2>&1 || [ "$(dpkg-query -W -f='${Status}' kelly-desk 2>/dev/null)" = "unknown ok not-installed" ]
}
# a second version of the same package, for the upgrade
dpkg-deb -R "$deb" "$work/tree"
version=$(sed -n 's/^Version: //p' "$work/tree/DEBIAN/control")
sed -i "s/^Version: .*/Version: $version.1/" "$work/tree/DEBIAN/control"
fakeroot dpkg-deb --build "$work/tree" "$work/kelly-desk-next.deb" >/dev/null
# a user's data, which no step may touch
home=$(mktemp -d)
mkdir -p "$home/.local/share/kelly-desk"
echo keep > "$home/.local/share/kelly-desk/decisions.sqlite"

for round in with-menu-folders without-menu-folders; do
    if [ "$round" = without-menu-folders ]; then
        for d in /etc/xdg/menus /usr/share/desktop-directories; do
            if [ -e "$d" ]; then mv "$d" "$d.kd-aside"; moved="$moved $d"; fi
        done
    else
        mkdir -p /etc/xdg/menus /usr/share/desktop-directories
    fi
    say "$round: install $version"
    apt-get install -y -q "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
    check_installed
    say "$round: upgrade to $version.1"
    apt-get install -y -q "$work/kelly-desk-next.deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; exit 1; }
    check_installed
    [ "$(dpkg-query -W -f='${Version}' kelly-desk)" = "$version.1" ]
    say "$round: purge"
    dpkg --purge kelly-desk >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; exit 1; }
    check_purged
    [ "$(cat "$home/.local/share/kelly-desk/decisions.sqlite")" = keep ]
    restore
    say "$round: OK (installed, upgraded, purged; the user's data untouched)"
done
rm -rf "$home"
say "all rounds OK"
