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

# Who may BAN: the site instances on the compose network, which purge after every change.
acl purgers {
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(instance1);
    instances.add_backend(instance2);
}
