# The compose file's two site instances (services edge-1 and edge-2, port 8080), for site.vcl.
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
    .host = "edge-1";
    .port = "8080";
    .probe = ready;
}

backend instance2 {
    .host = "edge-2";
    .port = "8080";
    .probe = ready;
}

# Who may BAN: the two site instances, which purge after every change. Their addresses, looked up when the VCL
# loads (as the backends above are); the shared secret (EDGE_PURGE_SECRET, site.vcl) is checked as well.
acl purgers {
    "edge-1";
    "edge-2";
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(instance1);
    instances.add_backend(instance2);
}
