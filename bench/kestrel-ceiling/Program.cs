// Usage: KestrelCeiling FILE URL. Answers every request with FILE's bytes as text/html, as nginx does for a
// static file, so the benchmark can tell Kestrel's own cost per response from the site's.
var body = await File.ReadAllBytesAsync(args[0]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
});
await app.RunAsync(args[1]);
