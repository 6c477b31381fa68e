using Markdig;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>The fluent entry point for the data-reference syntax, shaped like Markdig's own <c>UseX()</c>.</summary>
public static class DataReferencePipeline
{
    /// <summary>Adds the <c>{{kind args…}}</c> syntax (once, however often it is called).</summary>
    public static MarkdownPipelineBuilder UseDataReferences(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<DataReferenceExtension>();
        return pipeline;
    }
}
