# Two site instances on this host (e.g. `--urls http://127.0.0.1:5001` and `:5002`), for site.vcl.
# Copy and edit per deployment: one `backend` per instance, each added to the director below.

probe ready {
    .url = "/healthz/ready";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend instance1 {
    .host = "127.0.0.1";
    .port = "5001";
    .probe = ready;
}

backend instance2 {
    .host = "127.0.0.1";
    .port = "5002";
    .probe = ready;
}

# Who may BAN: the site instances (on this host), which purge after every change; the shared secret
# (EDGE_PURGE_SECRET in varnishd's environment, site.vcl) is checked as well.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(instance1);
    instances.add_backend(instance2);
}
