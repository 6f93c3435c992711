"""The operator's side of the service: health and metrics, systemd, reload, logs, doctor."""
