using Markdig;
using Markdig.Renderers;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// Registers the <c>{{kind args…}}</c> syntax that pulls benchmark figures from the results store. Add it with
/// <see cref="DataReferencePipeline.UseDataReferences"/>.
/// </summary>
public sealed class DataReferenceExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // First in line for '{' so no other inline parser (smart quotes, emphasis) sees inside a reference.
        if (!pipeline.InlineParsers.Contains<DataReferenceInlineParser>())
        {
            pipeline.InlineParsers.Insert(0, new DataReferenceInlineParser());
        }

        if (!pipeline.BlockParsers.Contains<DataBlockParser>())
        {
            pipeline.BlockParsers.Insert(0, new DataBlockParser());
        }

        pipeline.DocumentProcessed -= OwnedConnectives.Apply;
        pipeline.DocumentProcessed += OwnedConnectives.Apply;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        if (!html.ObjectRenderers.Contains<DataReferenceInlineRenderer>())
        {
            html.ObjectRenderers.Insert(0, new DataReferenceInlineRenderer());
        }

        if (!html.ObjectRenderers.Contains<DataBlockRenderer>())
        {
            html.ObjectRenderers.Insert(0, new DataBlockRenderer());
        }
    }
}
