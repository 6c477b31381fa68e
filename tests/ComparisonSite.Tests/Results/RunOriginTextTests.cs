using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Results;

public sealed class RunOriginTextTests
{
    [Theory]
    [InlineData(RunOrigin.Reported, "reported")]
    [InlineData(RunOrigin.Measured, "measured")]
    public void Each_origin_is_spelled_as_documents_and_the_database_spell_it(RunOrigin origin, string text)
    {
        Assert.Equal(text, origin.ToText());
        Assert.Equal(origin, RunOriginText.Parse(text));
    }

    [Theory]
    [InlineData("Reported")]
    [InlineData(" measured")]
    [InlineData("guessed")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_text_is_no_origin(string? text) => Assert.Null(RunOriginText.Parse(text));

    [Fact]
    public void Messages_list_the_origins_in_the_order_of_the_enum() =>
        Assert.Equal(["reported", "measured"], RunOriginText.All);
}
