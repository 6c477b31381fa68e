using ComparisonSite.Content;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Hostile;

/// <summary>Hostile YAML and import files: rejected with a clear message, quickly, with bounded memory.</summary>
public sealed class HostileContentTests
{
    private static readonly ComparisonLoader Loader = new(new ContentOptions());

    [Fact]
    public async Task A_yaml_alias_bomb_is_rejected_without_expanding_it()
    {
        var memory = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var result = await Loader.LoadAsync(
            FixturePaths.Broken,
            Path.Combine(FixturePaths.Broken, "alias-bomb"),
            CancellationToken.None);

        Assert.Null(result.Article);
        Assert.Contains(
            result.Diagnostics,
            d => d.ToString() == "alias-bomb/index.md:17: error: 'frameworks' must be a non-empty list of text values, "
                + "e.g. frameworks: [a, b]");
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("unknown key 'lol1'", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(
            GC.GetTotalMemory(forceFullCollection: false) - memory < 64 * 1024 * 1024,
            "the alias bomb was expanded in memory");
    }

    [Fact]
    public async Task Wrong_types_in_front_matter_are_each_named_with_their_line()
    {
        var result = await Loader.LoadAsync(
            FixturePaths.Broken,
            Path.Combine(FixturePaths.Broken, "wrong-types"),
            CancellationToken.None);

        Assert.Equal(
        [
            "wrong-types/index.md:2: error: 'title' must be a non-empty text value",
            "wrong-types/index.md:3: error: 'description' must be a non-empty text value",
            "wrong-types/index.md:5: error: 'published' must be a date written as YYYY-MM-DD, not 'yesterday'",
            "wrong-types/index.md:8: error: 'frameworks' must be a non-empty list of text values, "
                + "e.g. frameworks: [a, b]",
            "wrong-types/index.md:10: error: 'draft' must be true or false",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_huge_content_file_is_refused_before_it_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("comparisonsite-huge-");
        var comparison = Directory.CreateDirectory(Path.Combine(folder.FullName, "huge"));
        await File.WriteAllTextAsync(
            Path.Combine(comparison.FullName, "index.md"),
            "---\ntitle: x\n---\n" + new string('x', 3 * 1024 * 1024));

        var result = await Loader.LoadAsync(folder.FullName, comparison.FullName, CancellationToken.None);

        Assert.Equal(
            "huge/index.md:0: error: the file is 3,145,745 bytes; the limit is 1,048,576",
            Assert.Single(result.Diagnostics).ToString());
        folder.Delete(recursive: true);
    }

    [Fact]
    public void A_json_run_document_with_a_byte_order_mark_and_crlf_line_ends_is_read()
    {
        var parsed = RunDocumentParser.Parse(File.ReadAllBytes(Path.Combine(FixturePaths.Root, "imports", "bom.json")));

        Assert.Empty(parsed.Problems);
        Assert.Equal("bom-run", parsed.Document!.Run.Id);
    }

    [Theory]
    [InlineData("{\"suite\": NaN}", "malformed JSON")]
    [InlineData("{\"suite\": Infinity}", "malformed JSON")]
    [InlineData("{\"a\":1,\"a\":2}", "duplicate")]
    public void Non_json_numbers_and_duplicate_keys_are_rejected(string json, string expected)
    {
        var parsed = RunDocumentParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Contains(parsed.Problems, p => p.Message.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_import_over_the_size_limit_is_refused_without_parsing()
    {
        var parsed = RunDocumentParser.Parse(new byte[RunDocumentParser.MaxBytes + 1]);

        Assert.StartsWith(
            "the file is 67,108,865 bytes",
            Assert.Single(parsed.Problems).Message,
            StringComparison.Ordinal);
    }
}
