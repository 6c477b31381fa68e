using System.Text.Json.Nodes;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>Files an editor might import, made from the committed seed so they follow it when it is replaced.</summary>
internal static class SeedVariants
{
    /// <summary>
    /// The current measured seed as if re-imported with FastAPI slower than Flask on the JSON endpoint (500 req/s,
    /// its rounds from 450 to 550): a file in a folder of its own, named as an editor would name it. It reverses
    /// the source's claim that FastAPI leads that endpoint.
    /// </summary>
    public static async Task<string> SlowerFastApiAsync()
    {
        var seed = SiteRoot.Locate(null).Combine($"migrations/seed/{TestSnapshots.MeasuredSeedDocument().Run.Id}.json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(seed))!;
        var result = document["results"]!.AsArray().Single(r => (string?)r!["framework"] == "fastapi"
            && (string?)r["scenario"] == "json" && (string?)r["metric"] == "rps")!;
        var rounds = result["samples"]!.AsArray().Count;
        result["value"] = 500.0;
        result["samples"] = new JsonArray([.. Enumerable.Range(0, rounds)
            .Select(i => (JsonNode?)JsonValue.Create(450.0 + (100.0 * i / (rounds - 1))))]);
        var folder = Directory.CreateTempSubdirectory("comparisonsite-dry-run-").FullName;
        var path = Path.Combine(folder, "measured-slower-fastapi.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }
}
