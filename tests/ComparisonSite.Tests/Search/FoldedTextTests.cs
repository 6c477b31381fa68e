using ComparisonSite.Search;

namespace ComparisonSite.Tests.Search;

public sealed class FoldedTextTests
{
    [Theory]
    [InlineData("Déjà  vu\n at the CAFÉ", "deja vu at the cafe")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("don’t “quote”", "don't \"quote\"")]
    [InlineData("soft\u00ADhyphen and \u202Eright-to-left", "softhyphen and right-to-left")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    public void Text_folds_case_accents_quotes_invisible_characters_and_spaces(string text, string folded) =>
        Assert.Equal(folded, FoldedText.Of(text).Folded);

    [Fact]
    public void A_match_in_the_folded_text_maps_back_to_the_original_characters()
    {
        var text = FoldedText.Of("Ça va? Crème  BRÛLÉE 😀 ok");
        var at = text.Folded.IndexOf("creme brulee", StringComparison.Ordinal);

        var (start, end) = text.OriginalRange(at, "creme brulee".Length);

        Assert.Equal("Crème  BRÛLÉE", text.Original[start..end]);
        var ok = text.Folded.IndexOf("ok", StringComparison.Ordinal);
        Assert.Equal("ok", text.Original[text.OriginalRange(ok, 2).Start..text.OriginalRange(ok, 2).End]);
    }

    [Fact]
    public void Highlighting_marks_every_occurrence_and_keeps_the_rest_as_written()
    {
        var text = FoldedText.Of("<b>Flask</b> and flask & FLASK");

        var pieces = HighlightedText.Of(text, ["flask"]).Pieces;

        Assert.Equal(
            [("<b>", false), ("Flask", true), ("</b> and ", false), ("flask", true), (" & ", false), ("FLASK", true)],
            pieces.Select(p => (p.Text, p.Match)));
    }
}
