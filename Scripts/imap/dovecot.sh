# A throwaway Dovecot on 127.0.0.1 serving one maildir user, for the scripts that read mail over IMAP.
# Source this file, then: start_dovecot WORK PORT USER PASSWORD — the user's maildir is WORK/home/Maildir
# (new/ is where to drop messages; chown it to $mail_uid:$mail_gid after). stop_dovecot WORK stops it.
# WORK and the folders above it must be open to others: Dovecot's login and mail processes run as other users.

command -v dovecot >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y dovecot-imapd >/dev/null
# The mail user must not be root: Dovecot refuses UIDs below first_valid_uid.
mail_uid=$(id -u nobody) mail_gid=$(id -g nobody)

start_dovecot() { # WORK PORT USER PASSWORD
  local work=$1 port=$2 user=$3 password=$4 d=$1/dovecot
  chmod 755 "$work"
  mkdir -p "$d/run" "$d/state" "$work/home/Maildir/new" "$work/home/Maildir/cur" "$work/home/Maildir/tmp"
  echo "$user:{PLAIN}$password:$mail_uid:$mail_gid::$work/home::" > "$d/users"
  cat > "$d/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $d/run
state_dir = $d/state
log_path = $d/log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $d/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $d/users
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    port = $port
  }
}
service anvil {
  chroot =
}
CONF
  dovecot -c "$d/dovecot.conf"
  for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break; sleep 0.1; done
}

stop_dovecot() { # WORK
  if [ -f "$1/dovecot/run/master.pid" ]; then kill "$(cat "$1/dovecot/run/master.pid")" 2>/dev/null || true; fi
}
