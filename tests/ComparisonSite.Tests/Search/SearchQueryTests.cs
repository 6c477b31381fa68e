using ComparisonSite.Search;

namespace ComparisonSite.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("FastAPI", new[] { "fastapi" })]
    [InlineData("  Django   FLASK ", new[] { "django", "flask" })]
    [InlineData("Café CRÈME brûlée", new[] { "cafe", "creme", "brulee" })]
    [InlineData("\"déjà vu\" at the café", new[] { "deja vu", "at", "the", "cafe" })]
    [InlineData("“smart quotes” work", new[] { "smart quotes", "work" })]
    [InlineData("\"unclosed phrase runs on", new[] { "unclosed phrase runs on" })]
    [InlineData("word\"glued\"", new[] { "word", "glued" })]
    [InlineData("flask flask FLASK", new[] { "flask" })]
    [InlineData(".* (a|b)+ [x] ^$", new[] { ".*", "(a|b)+", "[x]", "^$" })]
    [InlineData("fast\u200Bapi \u200F", new[] { "fastapi" })]
    [InlineData("ﬁle", new[] { "file" })]
    public void Terms_are_folded_words_and_quoted_phrases(string text, string[] terms)
    {
        var query = SearchQuery.Parse(text);

        Assert.Null(query.Problem);
        Assert.Equal(terms, query.Terms);
        Assert.Equal(text, query.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_text_is_an_empty_query_not_a_problem(string? text)
    {
        var query = SearchQuery.Parse(text);

        Assert.True(query.IsEmpty);
        Assert.Null(query.Problem);
    }

    [Theory]
    [InlineData("a\u0000b", "not text")]
    [InlineData("\u001b[31mred", "not text")]
    [InlineData("tab\there", "not text")]
    [InlineData("broken \uFFFD bytes", "not text")]
    [InlineData("lone \uD800 surrogate", "not text")]
    [InlineData("\"\"", "no words")]
    [InlineData("\u200F\u200E", "no words")]
    [InlineData("a b c d e f g h i j k", "11 words or phrases: use at most 10")]
    public void Junk_is_refused_with_a_reason(string text, string reason)
    {
        var query = SearchQuery.Parse(text);

        Assert.Contains(reason, query.Problem, StringComparison.Ordinal);
        Assert.Empty(query.Terms);
        Assert.Equal(string.Empty, query.Text);
    }

    [Fact]
    public void A_query_over_the_length_limit_is_refused_and_one_at_it_is_not()
    {
        Assert.Null(SearchQuery.Parse(new string('a', SearchQuery.MaximumLength)).Problem);
        Assert.Contains(
            "too long",
            SearchQuery.Parse(new string('a', SearchQuery.MaximumLength + 1)).Problem,
            StringComparison.Ordinal);
    }
}
