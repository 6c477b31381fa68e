# Container image for the site. Issue 8 completes it (compose, health check, smoke test in CI);
# this is the working multi-stage skeleton: SDK build, then the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/ComparisonSite -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY content ./content
COPY wwwroot ./wwwroot
COPY migrations ./migrations
ENV ASPNETCORE_URLS=http://+:8080 \
    Site__Root=/app
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "ComparisonSite.dll"]
