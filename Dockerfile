# syntax=docker/dockerfile:1
# The site's container image. Build: docker build -t comparisonsite .   Run: see docker-compose.yml.
# Base images are pinned by version; bump both together with the SDK in global.json.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /source
# Restore first, from the project files only, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ComparisonSite/ComparisonSite.csproj src/ComparisonSite/
# Into the publish's own intermediate folder (scripts/publish says why it has one), so the publish reuses it.
RUN dotnet restore src/ComparisonSite -r linux-x64 --artifacts-path /source/artifacts/publish
COPY . .
# The same script CI's published-output test runs: no tests here, only the publish.
RUN scripts/publish /app

# The publish is self-contained (the runtime is inside it, precompiled with the app): only the native
# dependencies are needed here.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.12 AS runtime
WORKDIR /app
COPY --from=build --chown=root:root /app ./
# Configuration comes from the environment only (deploy/site.env lists it).
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Site__Root=/app \
    Site__LogFormat=json \
    DOTNET_NOLOGO=1
# The image's unprivileged user; the app writes nothing to disk.
USER app
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/app/ComparisonSite", "health", "--url", "http://127.0.0.1:8080/healthz/ready"]
# No arguments: serve. `docker run IMAGE migrate` (or import, runs, check) runs that verb and exits.
ENTRYPOINT ["/app/ComparisonSite"]
