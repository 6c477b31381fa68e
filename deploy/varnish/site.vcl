# Varnish 7.1 (Debian's `varnish`) in front of N site instances; see README, "Running at scale".
# The deployment-specific part (backends, their health probe, the round-robin director `instances` and the
# `purgers` ACL) is in backends.vcl, found on varnishd's vcl_path; this file is the same everywhere.
vcl 4.1;

import directors;
import std;

include "backends.vcl";

sub vcl_recv {
    # Every backend request, passes included, goes through the director (the default would be the first backend).
    set req.backend_hint = instances.backend();
    # Ours alone: set below when reader-only parameters are dropped, never taken from the client.
    unset req.http.X-Reader-Url;

    # A purge: BAN (or PURGE) with `Surrogate-Key: key1 key2` bans every object carrying any of those keys.
    # Only the instances send them: from the `purgers` ACL, with the shared secret in Purge-Secret.
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Configured, never defaulted: without EDGE_PURGE_SECRET in varnishd's environment nobody may purge.
        if (std.getenv("EDGE_PURGE_SECRET") !~ "^[!-~]{16,}\z") {
            return (synth(403, "Purges are off: set EDGE_PURGE_SECRET (16+ printable characters) for varnishd"));
        }
        if (req.http.Purge-Secret != std.getenv("EDGE_PURGE_SECRET")) {
            return (synth(403, "Forbidden"));
        }
        # All Surrogate-Key headers as one list, so a second header cannot slip past the check below.
        std.collect(req.http.Surrogate-Key, " ");
        # The list as a whole, anchored at both ends: the site's keys (site, listing, comparison:<slug>,
        # suite:<slug>, run:<suite>:<run id>) are lower-case letters, digits and :._- up to 205 characters; one
        # space between keys; at most 32 of them (the site's purgers send batches of 32, deploy/edge.env).
        # Anything else (another character, a tab, a parenthesis, a regex) bans nothing.
        if (req.http.Surrogate-Key !~ "^[a-z0-9][a-z0-9:._-]{0,204}( [a-z0-9][a-z0-9:._-]{0,204}){0,31}\z") {
            return (synth(400, "Surrogate-Key: 1 to 32 keys of a-z 0-9 :._- (205 characters each), one space apart"));
        }
        # "a.b c" -> (^|[[:blank:]])(a[.]b|c)([[:blank:]]|$): whole keys only ("run:s:r1" never matches
        # "run:s:r10"), a dot only a dot. Built from the checked alphabet alone, so the ban is one word (its
        # argument is unquoted) and one condition; it tests obj.* only, so the ban lurker clears matching
        # objects in the background.
        if (std.ban("obj.http.Surrogate-Key ~ (^|[[:blank:]])("
            + regsuball(regsuball(req.http.Surrogate-Key, "[.]", "[.]"), " ", "|")
            + ")([[:blank:]]|$)")) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Answers that must not be shared: search results, the editor, health checks, and the calculator's
    # per-input page (/<slug>/cost?...), which would otherwise be one object per query.
    # A restart (vcl_deliver) asks the site again about the reader's own address, which it then answers alone.
    if (req.url ~ "^/(search|_editor|healthz)(/|\?|$)" || req.url ~ "^/[^/?]+/cost(\?|$)" || req.restarts > 0) {
        return (pass);
    }

    # Spellings the site normalises itself: a percent-encoded path (Kestrel decodes it: /<slug>/%63ost is the cost
    # page), a dot segment, a trailing slash (301 to the address without it, query kept). Passed with the query
    # as sent, so the inputs reach the site and its answer (a 301 or a per-input page) is stored under no other
    # spelling. The site links none of them, so passing them costs nothing to readers of its own links.
    if (req.url ~ "^[^?]*(%|/[.][.]?(/|\?|$))" || req.url ~ "^/[^?]+/(\?|$)") {
        return (pass);
    }

    # Query parameters only the reader's browser uses (the site ignores them): one cached object per page. The
    # address as sent is kept so that a redirect (which carries the query on) can be asked for again with it.
    if (req.url ~ "[?&](hide|requests|peak|headroom|utm_[a-z]+|fbclid|gclid)=") {
        set req.http.X-Reader-Url = req.url;
        set req.url = regsuball(req.url, "([?&])(hide|requests|peak|headroom|utm_[a-z]+|fbclid|gclid)=[^&]*&?", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    # The site is read-only and sets no cookies; a cookie a browser sends anyway must not bypass the cache.
    unset req.http.Cookie;
}

sub vcl_backend_fetch {
    unset bereq.http.X-Reader-Url;
}

sub vcl_backend_response {
    # The lifetime is the site's s-maxage (Varnish reads it before max-age). Grace: past it, or while every
    # instance is down, the last copy is served while a fresh one is fetched.
    set beresp.grace = 6h;

    # A redirect the site does not mark as shared (no s-maxage) is not stored: its Location may depend on more
    # than the address it is stored under.
    if (beresp.http.Location && beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }

    # An instance that answers 5xx (stopping, starting): try another once; a background refresh keeps the old copy.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        if (bereq.retries < 1) {
            return (retry);
        }
    }
}

sub vcl_backend_error {
    # An instance that does not answer (stopped before its probe says so): the director picks the next one.
    if (bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_deliver {
    # A redirect for an address whose reader-only parameters were dropped before lookup: its Location lacks
    # them. Ask the site again with the address as sent (passed, vcl_recv), so the reader keeps their inputs.
    if (resp.http.Location && req.http.X-Reader-Url && req.restarts == 0) {
        set req.url = req.http.X-Reader-Url;
        return (restart);
    }

    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }

    # The keys are for this cache's bans, not for readers.
    unset resp.http.Surrogate-Key;
}
