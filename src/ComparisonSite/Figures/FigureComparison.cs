namespace ComparisonSite.Figures;

/// <summary>How two figures are compared in prose: "7.8x faster", "289% faster", "6,330 req/s faster".</summary>
public enum FigureComparison
{
    Ratio,
    Percent,
    Difference,
}
