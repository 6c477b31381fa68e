# Varnish 7.1 (Debian's `varnish`) in front of N site instances; see README, "Running at scale".
# The deployment-specific part (backends, their health probe, the round-robin director `instances` and the
# `purgers` ACL) is in backends.vcl, found on varnishd's vcl_path; this file is the same everywhere.
vcl 4.1;

import directors;
import std;

include "backends.vcl";

sub vcl_recv {
    # A purge: BAN (or PURGE) with `Surrogate-Key: key1 key2` bans every object carrying any of those keys.
    # The ban tests obj.* only, so the ban lurker clears matching objects in the background.
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.Surrogate-Key !~ "^[A-Za-z0-9:._ -]*[A-Za-z0-9]") {
            return (synth(400, "Surrogate-Key: space-separated keys of letters, digits and :._-"));
        }
        # "a b" -> (^|[[:blank:]])(a|b)([[:blank:]]|$) (a ban's argument is one word, unquoted): whole keys only
        # ("run:s:r1" never matches "run:s:r10"); a dot in a key matches any character, at worst banning more.
        if (std.ban("obj.http.Surrogate-Key ~ (^|[[:blank:]])("
            + regsuball(regsuball(req.http.Surrogate-Key, "^ +| +$", ""), " +", "|")
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
    if (req.url ~ "^/(search|_editor|healthz)(/|\?|$)" || req.url ~ "^/[^/?]+/cost(\?|$)") {
        return (pass);
    }

    # Query parameters only the reader's browser uses (the site ignores them): one cached object per page.
    if (req.url ~ "[?&](hide|requests|peak|headroom|utm_[a-z]+|fbclid|gclid)=") {
        set req.url = regsuball(req.url, "([?&])(hide|requests|peak|headroom|utm_[a-z]+|fbclid|gclid)=[^&]*&?", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    # The site is read-only and sets no cookies; a cookie a browser sends anyway must not bypass the cache.
    unset req.http.Cookie;
    set req.backend_hint = instances.backend();
}

sub vcl_backend_response {
    # The lifetime is the site's s-maxage (Varnish reads it before max-age). Grace: past it, or while every
    # instance is down, the last copy is served while a fresh one is fetched.
    set beresp.grace = 6h;

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
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }

    # The keys are for this cache's bans, not for readers.
    unset resp.http.Surrogate-Key;
}
